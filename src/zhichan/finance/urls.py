from django.urls import path

from . import subsidy_views as subsidy
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
    path("finance/subsidies/", subsidy.scheme_list, name="finance-scheme-list"),
    path("finance/subsidies/schemes/<int:pk>/", subsidy.scheme_detail, name="finance-scheme-detail"),
    path("finance/subsidies/schemes/<int:pk>/payments.xlsx", subsidy.payment_list_export, name="finance-payment-list"),
    path("finance/subsidies/applications/", subsidy.application_list, name="finance-application-list"),
    path("finance/subsidies/applications/export.xlsx", subsidy.application_export, name="finance-application-export"),
    path("finance/subsidies/applications/new/", subsidy.application_new, name="finance-application-new"),
    path("finance/subsidies/applications/<int:pk>/", subsidy.application_detail, name="finance-application-detail"),
    path("finance/subsidies/applications/<int:pk>/step/", subsidy.application_step, name="finance-application-step"),
    path("finance/subsidies/notice/", subsidy.notice_list, name="finance-notice-list"),
    path("finance/subsidies/budget/", subsidy.budget_page, name="finance-budget"),
    path("finance/subsidies/budget/export.xlsx", subsidy.budget_export, name="finance-budget-export"),
]
