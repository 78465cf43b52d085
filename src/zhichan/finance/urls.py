from django.urls import path

from . import views

urlpatterns = [
    path("finance/pledges/", views.pledge_list, name="finance-pledge-list"),
    path("finance/pledges/export.xlsx", views.pledge_export, name="finance-pledge-export"),
    path("finance/pledges/new/", views.pledge_new, name="finance-pledge-new"),
    path("finance/pledges/figures/", views.pledge_figures_page, name="finance-pledge-figures"),
    path("finance/pledges/figures/export.xlsx", views.pledge_figures_export, name="finance-pledge-figures-export"),
    path("finance/pledges/<int:pk>/", views.pledge_detail, name="finance-pledge-detail"),
    path("finance/pledges/<int:pk>/step/", views.pledge_step, name="finance-pledge-step"),
    path("finance/transactions/", views.transaction_list, name="finance-transaction-list"),
    path("finance/transactions/new/", views.transaction_new, name="finance-transaction-new"),
    path("finance/transactions/<int:pk>/", views.transaction_detail, name="finance-transaction-detail"),
    path("finance/banks/", views.bank_list, name="finance-bank-list"),
    path("finance/banks/<int:pk>/", views.bank_detail, name="finance-bank-detail"),
    path("finance/banks/<int:pk>/step/", views.bank_step, name="finance-bank-step"),
]
