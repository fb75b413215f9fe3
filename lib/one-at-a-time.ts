/**
 * Runs tasks one after another, in the order given: a task starts only when the one before it has ended. A task that
 * fails goes to `onError` and does not stop the ones after it.
 */
export function oneAtATime(onError: (error: unknown) => void): (task: () => Promise<void>) => Promise<void> {
  let tail = Promise.resolve();
  return (task) => {
    tail = tail.then(task).catch(onError);
    return tail;
  };
}
