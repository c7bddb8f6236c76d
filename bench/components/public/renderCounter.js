// Installed before React loads: React reports every commit to a DevTools hook, which is where we count which
// list rows re-rendered. A row "rendered" when a component fiber whose first DOM node is that row performed
// work in the commit (PerformedWork flag) and is not a fiber left over from an earlier commit.
(() => {
  const PERFORMED_WORK = 1;
  const HOST_COMPONENT = 5;
  let previous = new WeakSet();
  const counts = new Map(); // row element -> renders
  const hostOf = (fiber) => {
    let node = fiber;
    while (node && node.tag !== HOST_COMPONENT) node = node.child;
    return node ? node.stateNode : null;
  };
  window.__rowRenders = {
    reset() {
      counts.clear();
    },
    /** Renders per row element since the last reset. */
    snapshot() {
      return new Map(counts);
    },
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const seen = new WeakSet();
      const rendered = new Set();
      const stack = [root.current];
      while (stack.length) {
        const fiber = stack.pop();
        seen.add(fiber);
        if (typeof fiber.type === 'function' && fiber.flags & PERFORMED_WORK && !previous.has(fiber)) {
          const host = hostOf(fiber);
          if (host?.dataset && host.dataset.slot === 'row') rendered.add(host);
        }
        if (fiber.child) stack.push(fiber.child);
        if (fiber.sibling) stack.push(fiber.sibling);
      }
      previous = seen;
      for (const row of rendered) counts.set(row, (counts.get(row) ?? 0) + 1);
    },
  };
})();
