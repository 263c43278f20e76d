/* Tárló's curators' admin, on every page (loaded with `defer`, so before Django's autocomplete
   widgets start): the object menu closes with Escape or a click elsewhere; the autocomplete
   fields (Select2) carry their label for screen readers, and image choices show a thumbnail. */
'use strict';
{
    const openMenus = () => document.querySelectorAll('details[data-object-menu][open]');

    document.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') {
            return;
        }
        openMenus().forEach((menu) => {
            menu.open = false;
            menu.querySelector('summary').focus();
        });
    });

    document.addEventListener('click', (event) => {
        openMenus().forEach((menu) => {
            if (!menu.contains(event.target)) {
                menu.open = false;
            }
        });
    });

    const $ = window.django && window.django.jQuery;

    // An image choice: the thumbnail made on upload (from the search result, or the option
    // rendered with the page), then the image's text.
    const choice = (item) => {
        const url = item.thumbnail || (item.element && item.element.dataset.thumbnail);
        if (!url) {
            return item.text;
        }
        const wrapper = document.createElement('span');
        wrapper.className = 'image-choice';
        const image = document.createElement('img');
        image.src = url;
        image.alt = '';
        const text = document.createElement('span');
        text.textContent = item.text;
        wrapper.append(image, text);
        return $(wrapper);
    };

    // Select2 draws its own combobox beside the hidden <select>: give it the field's label.
    const label = (select) => {
        const fieldLabel = document.querySelector(`label[for="${select.id}"]`);
        if (!fieldLabel) {
            return;
        }
        fieldLabel.id = fieldLabel.id || `${select.id}-label`;
        const name = fieldLabel.textContent.replace(/:\s*$/, '').trim();
        const container = select.nextElementSibling;
        if (!container || !container.classList.contains('select2')) {
            return;
        }
        container.querySelectorAll('.select2-selection').forEach((selection) => {
            const shown = selection.getAttribute('aria-labelledby');
            const ids = [fieldLabel.id, ...(shown ? shown.split(' ') : [])];
            selection.setAttribute('aria-labelledby', [...new Set(ids)].join(' '));
        });
        // The single choice's text box is read-only: it too is named by the field's label.
        container.querySelectorAll('.select2-selection__rendered[role="textbox"]').forEach((shown) => {
            shown.setAttribute('aria-labelledby', fieldLabel.id);
        });
        container.querySelectorAll('.select2-search__field').forEach((search) => {
            search.setAttribute('aria-label', name);
        });
        // Select2 puts its "remove all" cross inside the list of choices, where only items belong:
        // it goes just before the list, replacing the one put there after the last change.
        container.querySelectorAll('.select2-selection--multiple').forEach((selection) => {
            const list = selection.querySelector('.select2-selection__rendered');
            const fresh = list.querySelector(':scope > .select2-selection__clear');
            selection.querySelectorAll(':scope > .select2-selection__clear').forEach((old) => old.remove());
            if (fresh) {
                list.before(fresh);
            }
        });
    };

    // The search field of the opened dropdown is named by the field's label too.
    const labelDropdown = (select) => {
        const fieldLabel = document.getElementById(`${select.id}-label`);
        document.querySelectorAll('.select2-container--open .select2-dropdown .select2-search__field').forEach((search) => {
            search.setAttribute('aria-label', fieldLabel ? fieldLabel.textContent.replace(/:\s*$/, '').trim() : '');
        });
    };

    if ($ && $.fn.djangoAdminSelect2) {
        $.fn.djangoAdminSelect2 = function () {
            $.each(this, function (_index, element) {
                $(element).select2({
                    ajax: {
                        data: (params) => ({
                            term: params.term,
                            page: params.page,
                            app_label: element.dataset.appLabel,
                            model_name: element.dataset.modelName,
                            field_name: element.dataset.fieldName,
                        }),
                    },
                    templateResult: choice,
                    templateSelection: choice,
                });
                label(element);
                // A multiple choice draws its search field again after each change.
                $(element).on('change', () => label(element));
                $(element).on('select2:open', () => labelDropdown(element));
            });
            return this;
        };
    }
}
