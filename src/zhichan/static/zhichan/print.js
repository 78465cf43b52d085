// A button marked data-print prints the page (the print styles hide the controls).
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
