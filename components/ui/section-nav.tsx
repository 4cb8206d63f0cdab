/** Jump links to the sections of a long page, kept in view while scrolling. */
export function SectionNav({ label, sections }: { label: string; sections: { id: string; label: string }[] }) {
  return (
    <nav
      aria-label={label}
      className="sticky top-0 z-10 -mx-1 border-b border-slate-200 bg-slate-50/95 px-1 py-2 backdrop-blur"
    >
      <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className="block rounded-md px-2.5 py-1 font-medium text-brand-700 hover:bg-brand-50">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
