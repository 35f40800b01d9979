import CNcursesW
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore
import InterviewTUI

/// The terminal of `TerminalDevice` on ncurses: setup and teardown, signals, writing a
/// frame's update, reading input. Output only: which cells changed is the loop's to say
/// (`FrameUpdate`); every cell comes from a `Canvas`, already made safe to print.
///
/// Input is read here as bytes, not through ncurses' keypad: ncurses knows only the
/// sequences of the terminfo entry, and one it does not know (Home as `ESC [ 1 ~`
/// under TERM=xterm-256color in tmux) came through as Escape and three keys. The
/// `KeyDecoder` knows every form, and drops whole what it does not know.
public final class NcursesTerminal: TerminalDevice {
    public enum SetupError: Error, CustomStringConvertible {
        case unknownTerminal(String)
        public var description: String {
            switch self {
            case .unknownTerminal(let term):
                term.isEmpty
                    ? "TERM is not set: expected the name of your terminal's type, e.g. TERM=xterm-256color"
                    : "TERM=\(term) is a terminal type this system does not know (no terminfo entry): expected one it has, e.g. TERM=xterm-256color"
            }
        }
    }

    /// How long the rest of an escape sequence may take to follow its ESC, and the rest
    /// of a paste its last piece.
    static let escapeDelay = 25, pasteDelay = 1000

    private let palette: Palette
    private var decoder = KeyDecoder()
    /// The background query's answers still to come (`BackgroundReplies`), taken out of
    /// the input until the last of them has come.
    private var replies: BackgroundReplies?
    private var queue: [TerminalInput] = []
    private var open = true
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    public let ascii: Bool
    /// How many `write` calls the last frame took.
    public private(set) var writesInLastFrame = 0

    /// The terminal on standard input and output, of the type TERM names; tests give a
    /// pty's descriptors and a type, and keep their stderr.
    /// `mouse`: the terminal reports clicks and the wheel (text is then selected with
    /// Shift-drag in most terminals).
    public init(theme: Theme, type: String? = nil, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                captureStderr: Bool = true, mouse: Bool = false) throws(SetupError) {
        // Only the character type (UTF-8 or not, character widths): the rest of the user's
        // locale would turn the C library's number formatting (`fixedPoint`) to `3,5`.
        setlocale(LC_CTYPE, "")
        ascii = ishim_locale_is_utf8() == 0
        let opened = type.map { ishim_open($0, input, output) } ?? ishim_open(nil, input, output)
        guard opened != 0 else {
            throw .unknownTerminal(type ?? ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        if captureStderr { ishim_capture_stderr(FileManager.default.temporaryDirectory.path) }
        let environment = ProcessInfo.processInfo.environment
        let colorful = has_colors() && !ColorFallback.noColor(environment: environment)
        if colorful {
            start_color()  // COLORS is only known after this
            use_default_colors()
        }
        palette = Palette(theme: theme, colors: ColorFallback.colorCount(
            terminalColors: colorful ? Int(ishim_colors()) : 0, environment: environment))
        ishim_install_signal_handlers()
        ishim_bracketed_paste_on()
        if mouse { ishim_mouse_on() }
        // Keys that came while the background colour was asked are the first input.
        let handover = BackgroundQuery.takeHandover(for: input)
        replies = handover.replies
        queue += decoder.feed(handover.keys).map(TerminalInput.init)
    }

    public var size: Size { Size(width: Int(ishim_cols()), height: Int(ishim_lines())) }

    public func close() {
        guard open else { return }
        open = false
        ishim_close()
        ishim_release_stderr()
    }

    deinit { close() }

    /// Draws the cells the update holds (the loop made it from two frames), then lets
    /// ncurses send them, in one write.
    public func draw(_ update: FrameUpdate) {
        // A new size or a first frame: ncurses' idea of the screen is stale, the terminal cleared and drawn whole.
        if update.whole { wclear(ishim_stdscr()) }
        for change in update.changes {
            let (x, y, cell) = (Int32(change.x), Int32(change.y), change.cell)
            let (attributes, pair) = palette.attributes(cell.style)
            if let character = Self.single(cell.text) {
                var single: (wchar_t, wchar_t) = (character, 0)
                _ = withUnsafeMutableBytes(of: &single) { buffer in
                    ishim_put(y, x, buffer.baseAddress!.assumingMemoryBound(to: wchar_t.self), attributes, pair)
                }
                continue
            }
            var (wide, pad) = Self.drawable(cell.text, width: DisplayWidth.of(cell.text))
            _ = ishim_put(y, x, &wide, attributes, pair)
            if pad {
                var space: [wchar_t] = [32, 0]
                _ = ishim_put(y, x + 1, &space, attributes, pair)
            }
        }
        ishim_frame_begin()
        if let cursor = update.cursor {
            curs_set(1)
            wmove(ishim_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(ishim_stdscr())
        writesInLastFrame = Int(ishim_frame_end())
    }

    /// Most cells, given to ncurses with no array to build: one printable ASCII character
    /// (the canvas marked the others), or one of a block the canvas and the terminal both
    /// draw one column wide (borders, dashes, accented letters). Nil for the rest.
    static func single(_ text: String) -> wchar_t? {
        if text.utf8.count == 1, let byte = text.utf8.first { return wchar_t(byte) }
        var scalars = text.unicodeScalars.makeIterator()
        guard let only = scalars.next(), scalars.next() == nil, DisplayWidth.isNarrow(only.value) else { return nil }
        let character = wchar_t(bitPattern: only.value)
        return ishim_wcwidth(character) == 1 ? character : nil
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

    /// Waits up to `milliseconds` for a key, a paste, a resize or a signal; a terminal
    /// that is gone reads as SIGHUP. Bytes are read as they come (a megabyte paste in 64 KB
    /// chunks) and decoded whole; a sequence or a character cut between two reads waits
    /// for its rest a little, even when asked not to wait.
    public func read(timeout milliseconds: Int) -> TerminalInput {
        while true {
            if let signal = pendingSignal() { return .signal(signal) }
            if !queue.isEmpty { return queue.removeFirst() }
            if ishim_take_resize() != 0, ishim_catch_up_size() != 0 { return resized() }
            // Bytes waiting for their rest wait the escape delay, however long the screen would
            // sleep: a lone Esc is Esc 25 ms later, not at the next tick of the clock.
            // So do bytes that may begin an answer to the background query or be a key.
            let maybeKeys = replies.map { $0.isHolding && !$0.holdsAnswer } ?? false
            let wait = decoder.inPaste ? Self.pasteDelay : decoder.isPending || maybeKeys ? Self.escapeDelay : milliseconds
            let count = chunk.withUnsafeMutableBufferPointer { ishim_read($0.baseAddress, Int32($0.count), Int32(wait)) }
            switch count {
            case 1...:
                decode(chunk[..<Int(count)])
            case 0:
                if maybeKeys, let keys = replies?.timeout() {
                    queue += decoder.feed(keys).map(TerminalInput.init)
                    continue
                }
                if decoder.isPending {
                    queue += decoder.timeout().map(TerminalInput.init)
                    continue
                }
                // Once per wait that ran out at most, not per key of a paste.
                if milliseconds > 0, ishim_catch_up_size() != 0 { return resized() }
                return .timeout
            case -1:
                continue  // a signal: taken at the top
            default:
                return .signal(SIGHUP)
            }
        }
    }

    /// Decodes `bytes`, less what belongs to an answer to the background query.
    private func decode(_ bytes: ArraySlice<UInt8>) {
        guard var awaited = replies else {
            queue += decoder.feed(bytes).map(TerminalInput.init)
            return
        }
        let keys = awaited.filter(bytes)
        replies = awaited.awaiting ? awaited : nil
        queue += decoder.feed(keys).map(TerminalInput.init)
    }

    /// The loop draws the next frame whole on a resize (`FrameUpdate`).
    private func resized() -> TerminalInput { .resize(size) }

    private func pendingSignal() -> Int32? {
        let signal = ishim_take_signal()
        return signal == 0 ? nil : signal
    }
}
