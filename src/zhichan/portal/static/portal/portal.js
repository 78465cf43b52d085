// The request form: reporting anonymously hides the questions about the requester (the page works without it:
// the intake ignores them for an anonymous tip).
(() => {
  const box = document.getElementById("id_anonymous");
  const about = document.querySelector("[data-testid=portal-requester]");
  if (!box || !about) return;
  const show = () => { about.hidden = box.checked; };
  box.addEventListener("change", show);
  show();
})();
