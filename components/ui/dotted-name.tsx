import { Fragment } from "react";

/** A dotted name (`cz.icecars.Fleet.Car1.car_1`) that wraps after its dots rather than in the middle of a level. */
export function DottedName({ name }: { name: string }) {
  let offset = 0;
  return (
    <>
      {name.split(/(?<=\.)/).map((part) => {
        const at = offset;
        offset += part.length;
        return (
          <Fragment key={at}>
            {part}
            <wbr />
          </Fragment>
        );
      })}
    </>
  );
}
