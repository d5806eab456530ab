/** Small stroke icons for the toolbar and the sidebar's tabs (24×24 grid, currentColor). */
const paths = {
  note: 'M5 4h14v10l-6 6H5z M13 20v-6h6',
  cluster: 'M3 7h18 M3 4h18v16H3z',
  duplicate: 'M8 8h12v12H8z M4 16V4h12',
  trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13',
  undo: 'M9 14L4 9l5-5 M4 9h11a5 5 0 0 1 0 10h-3',
  redo: 'M15 14l5-5-5-5 M20 9H9a5 5 0 0 0 0 10h3',
  people: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6 M16 5a3 3 0 0 1 0 6 M18 14.5c1.8.9 3 2.9 3 5.5',
  timer: 'M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16z M12 9v4l2.5 2 M9 2h6',
  sparkles: 'M11 3l1.8 5.2L18 10l-5.2 1.8L11 17l-1.8-5.2L4 10l5.2-1.8z M18 14l.9 2.1L21 17l-2.1.9L18 20l-.9-2.1L15 17l2.1-.9z',
  vote: 'M4 4h16v16H4z M8 12l3 3 5-6',
  plan: 'M9 6h11 M9 12h11 M9 18h11 M4.5 6h.01 M4.5 12h.01 M4.5 18h.01',
  chart: 'M4 20h16 M7 16v-4 M12 16V6 M17 16V9',
  download: 'M12 4v11 M7 10l5 5 5-5 M5 20h14',
  comment: 'M4 5h16v11H10l-6 4z',
  bell: 'M6 16v-5a6 6 0 1 1 12 0v5l2 2H4z M10 21h4',
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5',
  brief: 'M6 3h9l4 4v14H6z M14 3v5h5 M9 12h7 M9 16h7',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name]} />
    </svg>
  );
}
