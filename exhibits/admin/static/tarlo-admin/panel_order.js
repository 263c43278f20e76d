/* The exhibit's panels in order: drag a row, or press its arrow buttons, to move it.

   Only the hidden order fields change, and only of the panels whose place changed: the panels
   that keep their relative order keep their numbers (the longest run of them that is still in
   increasing order), the others take the next free number. Moving a panel back restores every
   number as it was, so nothing is saved for it. */
'use strict';
{
    // Indices of the longest strictly increasing run of `values` (patience sorting).
    const increasingRun = (values) => {
        const tails = [];
        const previous = new Array(values.length).fill(-1);
        values.forEach((value, index) => {
            let low = 0;
            let high = tails.length;
            while (low < high) {
                const middle = (low + high) >> 1;
                if (values[tails[middle]] < value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[index] = low > 0 ? tails[low - 1] : -1;
            tails[low] = index;
        });
        const kept = new Set();
        for (let index = tails.length ? tails[tails.length - 1] : -1; index !== -1; index = previous[index]) {
            kept.add(index);
        }
        return kept;
    };

    const orderInput = (row) => row.querySelector('input[name$="-order"]');

    const renumber = (list) => {
        const rows = [...list.querySelectorAll(':scope > .panel-row')];
        const initial = rows.map((row) => Number(orderInput(row).defaultValue));
        const kept = increasingRun(initial);
        let last = -1;
        rows.forEach((row, index) => {
            const value = kept.has(index) && initial[index] > last ? initial[index] : last + 1;
            orderInput(row).value = String(value);
            last = value;
            row.classList.toggle('is-moved', value !== initial[index]);
        });
        showPositions(list);
    };

    const showPositions = (list) => {
        const rows = [...list.querySelectorAll(':scope > .panel-row')];
        rows.forEach((row, index) => {
            row.querySelector('[data-position]').textContent = `${index + 1}.`;
            row.querySelector('[data-move="up"]').disabled = index === 0;
            row.querySelector('[data-move="down"]').disabled = index === rows.length - 1;
        });
    };

    const announce = (list, row) => {
        const announcer = list.parentElement.querySelector('[data-order-announcer]');
        if (announcer) {
            const position = [...list.children].indexOf(row) + 1;
            announcer.textContent = list.dataset.announce
                .replace('%(code)s', row.dataset.code)
                .replace('%(position)s', String(position));
        }
    };

    const start = (list) => {
        let dragged = null;

        list.querySelectorAll('a').forEach((link) => {
            link.draggable = false;
        });

        list.addEventListener('dragstart', (event) => {
            dragged = event.target.closest('.panel-row');
            if (!dragged) {
                return;
            }
            dragged.classList.add('is-dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', dragged.dataset.code);
        });

        list.addEventListener('dragover', (event) => {
            const target = event.target.closest('.panel-row');
            if (!dragged || !target) {
                return;
            }
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            if (target === dragged) {
                return;
            }
            const box = target.getBoundingClientRect();
            const after = event.clientY > box.top + box.height / 2;
            list.insertBefore(dragged, after ? target.nextElementSibling : target);
        });

        list.addEventListener('drop', (event) => {
            if (dragged) {
                event.preventDefault();
            }
        });

        list.addEventListener('dragend', () => {
            if (!dragged) {
                return;
            }
            dragged.classList.remove('is-dragging');
            renumber(list);
            announce(list, dragged);
            dragged = null;
        });

        list.addEventListener('click', (event) => {
            const button = event.target.closest('[data-move]');
            if (!button) {
                return;
            }
            const row = button.closest('.panel-row');
            if (button.dataset.move === 'up' && row.previousElementSibling) {
                list.insertBefore(row, row.previousElementSibling);
            } else if (button.dataset.move === 'down' && row.nextElementSibling) {
                list.insertBefore(row.nextElementSibling, row);
            }
            renumber(list);
            announce(list, row);
            const again = row.querySelector(`[data-move="${button.dataset.move}"]`);
            (again.disabled ? row.querySelector('[data-move]:not(:disabled)') : again).focus();
        });

        showPositions(list);
    };

    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.panel-order-list[data-sortable]').forEach(start);
    });
}
