/// What one frame sends to the terminal: the cells that changed since the frame before,
/// where they go, and the cursor. Made by the loop (`Runtime.run`) from two canvases, so
/// that a backend only writes what it is given, and the scripted terminal of the tests
/// shows exactly what a real one would.
public struct FrameUpdate: Hashable, Sendable {
    public struct Change: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: Cell
    }

    public var size: Size
    /// The terminal is cleared first (the first frame, a new size): every cell follows.
    public var whole: Bool
    /// In reading order. A wide character's second cell is never one: the terminal fills
    /// it when the first is drawn.
    public var changes: [Change]
    /// Where the cursor stands, or nil to hide it.
    public var cursor: Point?

    /// The update that turns `previous` (nil: nothing known of the screen) into `next`.
    /// A cell is sent when it differs, or when the cell after it does: a wide character
    /// whose right half was overwritten is drawn again whole.
    public init(from previous: Canvas?, to next: Canvas) {
        size = Size(width: next.width, height: next.height)
        let previous = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        whole = previous == nil
        cursor = next.cursor
        changes = []
        for y in 0..<next.height {
            for x in 0..<next.width {
                let cell = next[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell, x + 1 >= next.width || previous[x + 1, y] == next[x + 1, y] { continue }
                changes.append(Change(x: x, y: y, cell: cell))
            }
        }
    }

    /// The screen as a terminal shows it once this update is drawn on `screen` (what it
    /// showed before): cleared first when whole, each change written where it goes, a wide
    /// character covering the cell after it.
    public func apply(to screen: inout Canvas) {
        if whole || screen.width != size.width || screen.height != size.height {
            screen = Canvas(width: size.width, height: size.height)
        }
        for change in changes {
            screen.put(change.cell, x: change.x, y: change.y)
        }
        screen.cursor = cursor
    }
}
