import { useTRPC } from "@primestore/ui/api";
import { Form, useNavigate, useSearchParams } from "@remix-run/react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocalePath } from "../lib/locale-path.ts";
import { useDebouncedValue } from "../lib/use-debounced-value.ts";

const SUGGESTIONS = 6;
const TYPING_PAUSE_MS = 250;
// The API's rules for search text: asking with anything else would only earn a validation error.
const MIN_LENGTH = 2;
const MAX_LENGTH = 100;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The header's product search: a plain GET form to the results page (works without JavaScript),
 * with suggestions while typing as an ARIA 1.2 combobox (listbox popup, focus stays in the input).
 */
export function SearchBox({ locale }: { locale: string }) {
  const [params] = useSearchParams();
  const q = params.get("q") ?? "";
  // A new query in the URL (a results page, back and forward) starts the box over with its text.
  return <SearchCombobox key={q} initialText={q} locale={locale} />;
}

function SearchCombobox({ initialText, locale }: { initialText: string; locale: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const localePath = useLocalePath();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const typed = useDebouncedValue(text.trim().replace(/\s+/gu, " "), TYPING_PAUSE_MS);
  const searchable = typed.length >= MIN_LENGTH && typed.length <= MAX_LENGTH && HAS_WORD.test(typed);
  const { data } = useQuery(
    trpc.catalog.suggest.queryOptions(
      { q: typed, locale, limit: SUGGESTIONS },
      // The previous list stays up while the next one loads, instead of flickering away.
      { enabled: open && searchable, placeholderData: keepPreviousData },
    ),
  );
  const suggestions = open && searchable ? (data ?? []) : [];
  const expanded = suggestions.length > 0;
  const listId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-suggestion-${index}`;

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function choose(slug: string) {
    close();
    navigate(localePath(`/products/${slug}`));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        if (expanded) setActive((index) => (index + 1) % suggestions.length);
        break;
      case "ArrowUp":
        if (!expanded) return;
        event.preventDefault();
        setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
        break;
      case "Enter": {
        // Without a highlighted suggestion, Enter submits the form: the results page.
        const chosen = expanded ? suggestions[active] : undefined;
        if (!chosen) return;
        event.preventDefault();
        choose(chosen.slug);
        break;
      }
      case "Escape":
        if (expanded) close();
        else setText("");
        event.preventDefault();
        break;
    }
  }

  return (
    <Form method="get" action={localePath("/search")} role="search" className="search-form">
      <div className="field search-field">
        <label htmlFor={`${id}-input`}>{t("search.label")}</label>
        <input
          id={`${id}-input`}
          type="search"
          name="q"
          value={text}
          maxLength={MAX_LENGTH}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <div id={listId} role="listbox" aria-label={t("search.suggestions")} className="search-suggestions" hidden={!expanded}>
          {suggestions.map((suggestion, index) => (
            // The keyboard stays in the input (aria-activedescendant), so options only answer the
            // pointer; the press must not blur the input before the click lands.
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox input, as the ARIA pattern prescribes
            <div
              key={suggestion.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className="search-suggestion"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(suggestion.slug)}
            >
              {suggestion.title}
            </div>
          ))}
        </div>
        <p role="status" className="visually-hidden">
          {expanded ? t("search.suggestionCount", { count: suggestions.length }) : ""}
        </p>
      </div>
      <button type="submit">{t("search.submit")}</button>
    </Form>
  );
}
