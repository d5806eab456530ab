/** The heading of a plan or review group: the initiative it serves, or what to call the group that serves none. */
export function InitiativeHeading({ initiative, none }: { initiative: { title: string } | null; none: string }) {
  return (
    <h3>
      {initiative ? (
        <>
          <span className="tl-plan-kicker">Initiative</span> {initiative.title}
        </>
      ) : (
        none
      )}
    </h3>
  );
}
