(function () {
  var box = document.getElementById('kies');
  if (!box) { return; }
  var search = box.querySelector('.kies-zoek');
  var input = document.getElementById('kies-gemeente');
  var names = document.getElementById('gemeentenamen').options;
  var message = document.getElementById('kies-melding');
  search.hidden = false;
  function find(text) {
    var wanted = text.trim().toLowerCase();
    var first = null;
    if (!wanted) { return null; }
    for (var i = 0; i < names.length; i++) {
      var name = names[i].value.toLowerCase();
      if (name === wanted) { return names[i]; }
      if (first === null && name.indexOf(wanted) === 0) { first = names[i]; }
    }
    return first;
  }
  function go() {
    var option = find(input.value);
    if (option) {
      location.href = box.getAttribute('data-root') + 'gemeente/' + option.getAttribute('data-code') + '.html';
    } else {
      message.textContent = 'Geen gemeente gevonden die zo begint; kies uit de lijst van alle gemeenten.';
    }
  }
  input.addEventListener('input', function (event) {
    message.textContent = '';
    // a name picked from the suggestions arrives without a typing event
    if (!event.inputType || event.inputType === 'insertReplacementText') {
      var option = find(input.value);
      if (option && option.value.toLowerCase() === input.value.trim().toLowerCase()) { go(); }
    }
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); go(); }
  });
  document.getElementById('kies-ga').addEventListener('click', go);
})();
