import InterviewCore

/// One cell of the screen. A wide character fills its first cell; the cell after it
/// is a continuation (empty text) that the backend skips.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style) {
        self.text = text
        self.style = style
    }
    public static let blank = Cell(" ", Style(.body))
    var isContinuation: Bool { text.isEmpty }
}

/// What the screen should show: a grid of cells and where the cursor stands. Every
/// screen is drawn into a canvas by a pure function; only the backend turns it into
/// terminal output, so text reaches the terminal through `put` and nowhere else.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should stand (while typing), or nil to hide it.
    public var cursor: Point?
    /// What a click does where: the places drawn with a meaning for the mouse, the last
    /// drawn on top.
    public private(set) var clickable: [(rect: Rect, click: Click)] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor == b.cursor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(cells)
        hasher.combine(cursor)
    }

    /// Marks `rect` as meaning `click` to the mouse, over what was marked before.
    public mutating func mark(_ rect: Rect, _ click: Click) {
        clickable.append((rect, click))
    }

    /// What a click at (x, y) means: the last mark there.
    public func click(at x: Int, _ y: Int) -> Click? {
        clickable.last { x >= $0.rect.x && x < $0.rect.maxX && y >= $0.rect.y && y < $0.rect.maxY }?.click
    }

    public mutating func fill(_ rect: Rect, _ style: Style) {
        for y in rect.y..<(rect.y + rect.height) where y >= 0 && y < height {
            for x in rect.x..<(rect.x + rect.width) where x >= 0 && x < width {
                cells[y * width + x] = Cell(" ", style)
            }
        }
    }

    /// Writes text from (x, y), clipped at `limit` (exclusive column, the canvas edge by
    /// default). Control characters and escape sequences are drawn as visible marks,
    /// never passed on. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        var column = x
        guard y >= 0, y < height else { return column }
        let end = min(limit ?? width, width)
        for character in text {
            let (next, fits) = place(character, x: column, y: y, style: style, end: end)
            column = next
            if !fits { break }
        }
        return column
    }

    /// Writes one character as `put` writes each of a text's (a pane's glyphs, without a
    /// string made for each).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        return place(character, x: x, y: y, style: style, end: min(limit ?? width, width)).column
    }

    /// Writes a character, or its visible marks; `fits` is false once one does not fit
    /// before `end`, and `column` is after the last cell written.
    private mutating func place(_ character: Character, x: Int, y: Int, style: Style, end: Int) -> (column: Int, fits: Bool) {
        guard let marked = VisibleText.mark(character) else { return placeOne(character, x: x, y: y, style: style, end: end) }
        var column = x
        for piece in marked {
            let (next, fits) = placeOne(piece, x: column, y: y, style: style.with(.control), end: end)
            column = next
            if !fits { return (column, false) }
        }
        return (column, true)
    }

    private mutating func placeOne(_ piece: Character, x column: Int, y: Int, style: Style, end: Int) -> (column: Int, fits: Bool) {
        let w = DisplayWidth.of(piece)
        if w == 0 { return (column, true) }
        if column + w > end { return (column, false) }
        if column >= 0 {
            clearWide(at: column, y: y)
            cells[y * width + column] = Cell(String(piece), style)
            if w == 2 {
                clearWide(at: column + 1, y: y)
                cells[y * width + column + 1] = Cell("", style)
            }
        }
        return (column + w, true)
    }

    /// Writes a cell as the terminal would draw it: a wide character covers the cell after
    /// it, and half of one overwritten blanks the other half.
    mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        clearWide(at: x, y: y)
        cells[y * width + x] = cell
        if DisplayWidth.of(cell.text) == 2, x + 1 < width {
            clearWide(at: x + 1, y: y)
            cells[y * width + x + 1] = Cell("", cell.style)
        }
    }

    /// Keeps wide characters whole: overwriting half of one blanks the other half.
    private mutating func clearWide(at x: Int, y: Int) {
        let index = y * width + x
        // Most cells hold one ASCII character (a blank, before a frame is drawn): neither half of a wide one.
        if cells[index].text.utf8.count == 1 { return }
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", cells[index - 1].style)
        } else if DisplayWidth.of(cells[index].text) == 2, x + 1 < width {
            cells[index + 1] = Cell(" ", cells[index + 1].style)
        }
    }

    /// Copies another canvas's cells onto this one, its top-left corner at (x, y).
    public mutating func draw(_ other: Canvas, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for column in 0..<other.width where x + column >= 0 && x + column < width {
                cells[(y + row) * width + x + column] = other[column, row]
            }
        }
    }

    /// The canvas as plain text, a line per row, for snapshot tests.
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// What a place on the screen means to the mouse.
public enum Click: Hashable, Sendable {
    case pane(PaneID)
    case rubricItem(Int)
    case followUp(Int)
    case rating(Int)
    case listRow(Int)
}

public struct Point: Hashable, Sendable {
    public var x, y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

public struct Rect: Hashable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}
