// A year's print cover names the day it is printed: the reader's today, not the build's.
document.querySelectorAll("[data-bulletin-print-date]").forEach((element) => {
  const today = new Date();
  element.dateTime = today.toISOString().slice(0, 10);
  element.textContent = `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`;
});
