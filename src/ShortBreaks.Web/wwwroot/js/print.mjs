// A "Print" button works only with JavaScript, so it stays hidden without it (the browser's own print still works).
for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
