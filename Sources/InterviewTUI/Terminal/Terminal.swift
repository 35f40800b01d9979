import CNcursesW
import Foundation
import InterviewKit

/// The only code that talks to ncurses: setup and teardown, signals, drawing a canvas,
/// reading keys. Everything it draws comes from a `Canvas`, whose cells are already
/// made safe to print.
public final class Terminal {
    public enum Input: Equatable {
        case key(Key)
        case resize(Size)
        case signal(Int32)
        /// Text pasted with bracketed paste on: never to be taken for keys.
        case paste(String)
        case timeout
    }

    /// Key codes for the start and the end of a bracketed paste (ncurses `define_key`),
    /// far above the codes ncurses gives keys of its own (KEY_MAX is 511, terminfo's
    /// extended keys follow it).
    private static let pasteStart: Int32 = 0x7000, pasteEnd: Int32 = 0x7001
    /// The sequences that start and end a paste, when bracketed paste is on.
    private var pasteMarks: (start: [UInt8], end: [UInt8]) = ([], [])

    private var previous: Canvas?
    private let palette: Palette
    private var extendedKeys: [Int32: Key] = [:]
    private var partial = PartialUTF8()
    private var open = true
    public let ascii: Bool

    public init(theme: Theme) {
        setlocale(LC_ALL, "")
        ascii = ishim_locale_is_utf8() == 0
        ishim_capture_stderr(NSTemporaryDirectory())
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(ishim_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let environment = ProcessInfo.processInfo.environment
        let colorful = has_colors() && !ColorFallback.noColor(environment: environment)
        if colorful {
            start_color()  // COLORS is only known after this
            use_default_colors()
        }
        palette = Palette(theme: theme, colors: ColorFallback.colorCount(
            terminalColors: colorful ? Int(ishim_colors()) : 0, environment: environment))
        ishim_install_signal_handlers()
        for (name, key) in [("kLFT5", Key.wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight)] {
            let code = ishim_key_code(name)
            if code > 0 { extendedKeys[code] = key }
        }
        var start: UnsafePointer<CChar>?, end: UnsafePointer<CChar>?
        if ishim_bracketed_paste_on(Self.pasteStart, Self.pasteEnd, &start, &end) != 0, let start, let end {
            pasteMarks = (Array(String(cString: start).utf8), Array(String(cString: end).utf8))
        }
    }

    public var size: Size { Size(width: Int(ishim_cols()), height: Int(ishim_lines())) }

    /// Restores the terminal and prints what was written to stderr meanwhile.
    public func close() {
        guard open else { return }
        open = false
        ishim_bracketed_paste_off()
        endwin()
        ishim_release_stderr()
    }

    deinit { close() }

    /// Draws the cells that changed since the last frame, then lets ncurses send them.
    public func draw(_ canvas: Canvas) {
        let full = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { werase(ishim_stdscr()) }
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.text.isEmpty { continue }
                if !full, let previous, previous[x, y] == cell, x + 1 >= canvas.width || previous[x + 1, y] == canvas[x + 1, y] {
                    continue
                }
                let (attributes, pair) = palette.attributes(cell.style)
                if cell.text.utf8.count == 1, let byte = cell.text.utf8.first {
                    // Most cells: one printable ASCII character (the canvas marked the others), no array to build.
                    var ascii: (wchar_t, wchar_t) = (wchar_t(byte), 0)
                    _ = withUnsafeMutableBytes(of: &ascii) { buffer in
                        ishim_put(Int32(y), Int32(x), buffer.baseAddress!.assumingMemoryBound(to: wchar_t.self), attributes, pair)
                    }
                    continue
                }
                var (wide, pad) = Terminal.drawable(cell.text, width: DisplayWidth.of(cell.text))
                _ = ishim_put(Int32(y), Int32(x), &wide, attributes, pair)
                if pad {
                    var space: [wchar_t] = [32, 0]
                    _ = ishim_put(Int32(y), Int32(x + 1), &space, attributes, pair)
                }
            }
        }
        if let cursor = canvas.cursor {
            curs_set(1)
            wmove(ishim_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(ishim_stdscr())
        previous = canvas
    }

    /// What ncurses is given for a cell: the cluster's first character and the combining
    /// marks on it, if the terminal's width of it (libc's `wcwidth`, which ncurses and
    /// tmux use) fits the cell. Terminals disagree on joined emoji, flags and variation
    /// selectors, and one that draws them wider or narrower than the canvas moves every
    /// cell after them: the first character stands for the whole, padded with a space
    /// when the terminal sees it narrower, U+FFFD when it sees it wider.
    static func drawable(_ text: String, width: Int) -> (characters: [wchar_t], pad: Bool) {
        guard let base = text.unicodeScalars.first else { return ([0], false) }
        let baseWidth = Int(ishim_wcwidth(wchar_t(bitPattern: base.value)))
        guard baseWidth >= 1, baseWidth <= width else { return ([0xFFFD, 0], width == 2) }
        var characters = [wchar_t(bitPattern: base.value)]
        for scalar in text.unicodeScalars.dropFirst() {
            let category = scalar.properties.generalCategory
            guard characters.count < 4, category == .nonspacingMark || category == .enclosingMark,
                  !scalar.properties.isVariationSelector, ishim_wcwidth(wchar_t(bitPattern: scalar.value)) == 0 else { break }
            characters.append(wchar_t(bitPattern: scalar.value))
        }
        return (characters + [0], baseWidth < width)
    }

    /// Waits up to `milliseconds` for a key, a resize or a signal; a terminal that is
    /// gone reads as SIGHUP.
    ///
    /// Bytes are read one by one and put together here rather than by `wget_wch`: when
    /// the rest of a multi-byte character has not arrived yet (a paste that the terminal
    /// writes in pieces), `wget_wch` drops what it read and then up to 144 bytes after it.
    /// A partial character waits in `partial` for the next read instead.
    public func read(timeout milliseconds: Int) -> Input {
        if let signal = pendingSignal() { return .signal(signal) }
        while true {
            // The rest of a character follows its start closely: wait a little for it even when asked not to wait.
            wtimeout(ishim_stdscr(), Int32(partial.isEmpty ? milliseconds : max(milliseconds, 50)))
            let value = wgetch(ishim_stdscr())
            if let signal = pendingSignal() { return .signal(signal) }
            if value == ishim_err() {
                // A terminal that went away without a SIGHUP is a hangup all the same: save and leave.
                if ishim_input_hung_up() != 0 { return .signal(SIGHUP) }
                // Once a second at most (a read with a timeout that ran out), not per key of a paste.
                if milliseconds > 0, ishim_catch_up_size() != 0 {
                    previous = nil
                    return .resize(size)
                }
                return .timeout
            }
            if value > 0xFF {
                partial.removeAll()
                if value == Self.pasteStart { return .paste(readPaste()) }
                if value == ishim_key_resize() {
                    previous = nil
                    return .resize(size)
                }
                return special(value).map { .key($0) } ?? .timeout
            }
            switch partial.add(UInt8(value)) {
            case .complete(let scalar): return plain(scalar.value).map { .key($0) } ?? .timeout
            case .invalid: return .key(.character("\u{FFFD}"))
            case .incomplete: continue
            }
        }
    }

    /// The text of a paste, read in chunks up to its end rather than a byte per key as
    /// ncurses reads: a megabyte takes a fraction of a second. What followed the end goes
    /// back to ncurses as keys (keys typed during a paste: a few bytes, within the 136
    /// that ncurses takes back); a paste whose end never comes stops after a second
    /// without input.
    private func readPaste() -> String {
        var paste = BracketedPaste(start: pasteMarks.start, end: pasteMarks.end)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !paste.finished, ishim_wait_for_input(1000) != 0 {
            let count = Glibc.read(STDIN_FILENO, &chunk, chunk.count)
            guard count > 0 else { break }
            paste.add(chunk[..<count])
        }
        for byte in paste.rest.reversed() { ungetch(Int32(byte)) }
        return paste.text
    }

    private func pendingSignal() -> Int32? {
        let signal = ishim_take_signal()
        return signal == 0 ? nil : signal
    }

    private func plain(_ value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(value + 96)!))
        default:
            guard let scalar = UnicodeScalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    private func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        default: extendedKeys[code]
        }
    }
}
