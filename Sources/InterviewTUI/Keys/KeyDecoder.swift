/// What the bytes a terminal sends mean: keys and pastes, decoded from the raw bytes of
/// stdin (ncurses' keypad off), whatever terminfo says. ESC is 0x1B; `m` is xterm's
/// modifier parameter, 1 + (1 Shift, 2 Alt, 4 Ctrl, 8 Meta).
///
/// Recognised:
/// - Text: UTF-8, one `.character` per Unicode scalar, put together across reads. A byte
///   that is not UTF-8, or a character cut short, is U+FFFD: never dropped silently.
/// - Controls: CR and LF are enter, TAB tab, DEL and BS backspace, 0x01–0x1A
///   `.control("a")`…`.control("z")`; NUL and 0x1C–0x1F are dropped.
/// - ESC on its own, when nothing follows within the escape delay (`timeout()`): escape;
///   `ESC ESC` is escape twice.
/// - xterm: arrows, Home, End as `ESC [ A B C D H F` and `ESC O A B C D H F`, modified
///   `ESC [ 1 ; m X` (also `ESC [ m X`, `ESC O m X`); F1–F4 `ESC O P Q R S`, modified
///   `ESC [ 1 ; m P`…`S`; `ESC [ Z` backtab.
/// - vt220, rxvt, Linux console, tmux, screen: `ESC [ n ~` (`ESC [ n ; m ~`): 1 and 7 Home,
///   2 Insert, 3 Delete, 4 and 8 End, 5 PgUp, 6 PgDn, 11–15 F1–F5, 17–21 F6–F10, 23 F11,
///   24 F12; rxvt's modified forms `ESC [ n ^` (Ctrl), `ESC [ n $` (Shift), `ESC [ n @`
///   (Ctrl+Shift), `ESC [ a b c d` (Shift+arrows) and `ESC O a b c d` (Ctrl+arrows); the
///   Linux console's F1–F5 `ESC [ [ A`…`E`.
/// - Keypad application mode: `ESC O M` enter, `ESC O I` tab, `ESC O j`…`y` and `ESC O X`
///   the characters `* + , - . / 0`–`9 =`, besides the arrows, Home and End above.
/// - Modifiers: Left and Right with Ctrl or Alt (m = 3, 5, 7, …, or Alt by a prefix ESC as
///   in `ESC ESC [ D`) are `.wordLeft` and `.wordRight`; any other modified key is the
///   plain key. ESC before a printable ASCII character that starts no sequence (`ESC q`,
///   `ESC f`, `ESC 1`) is `.alt` of it: Alt+key, or Esc typed right before the key, which
///   terminals send alike. ESC before any other byte (Enter, a UTF-8 character) is
///   Escape, then that key.
/// - SGR mouse reports (`ESC [ < b ; x ; y M`, `m` when a button is let go): left, middle
///   and right buttons and the wheel, at a cell counted from 0; motion and other buttons
///   are dropped.
/// - Bracketed paste: `ESC [ 200 ~` … `ESC [ 201 ~` is `.paste(text)`, everything between
///   being text (escape sequences and controls too); CR LF and CR become LF, bytes that are
///   not UTF-8 U+FFFD. Two pastes back to back stay two. An empty paste is nothing.
///
/// Dropped whole, never replayed as keys: any other CSI (`ESC [`, parameter and
/// intermediate bytes 0x20–0x3F, a final byte 0x40–0x7E: focus in and out, CSI u `ESC [ 97 ; 5 u`, modifyOtherKeys `ESC [ 27 ; 5 ; 13 ~`,
/// replies to queries), an SS3 with another final, X10 mouse reports (`ESC [ M` and three
/// bytes), control strings (OSC `ESC ]` up to BEL or ST `ESC \`; DCS `ESC P`, SOS `ESC X`,
/// PM `ESC ^`, APC `ESC _` up to ST; an ESC that is not ST cuts the string off and starts a
/// sequence of its own). A sequence cut by a control byte or a byte above 0x7E is dropped
/// up to that byte, which is then decoded as usual. A sequence that is still incomplete
/// when `timeout()` comes is dropped whole.
///
/// A value type without I/O: the terminal layer feeds it what `read` returns.
public struct KeyDecoder: Sendable {
    private enum State: Equatable, Sendable {
        case ground
        /// After ESC; `alt` when an ESC came before this one (`ESC ESC [ D`: Alt+Left).
        case escape(alt: Bool)
        /// After `ESC [`, parameters in `parameters`.
        case csi(alt: Bool)
        /// After `ESC O`, parameters in `parameters`.
        case ss3(alt: Bool)
        /// After `ESC [ [`: one of the Linux console's F1–F5 follows.
        case linuxFunction
        /// After `ESC [ M`: the raw bytes of an X10 mouse report still to come.
        case mouse(remaining: Int)
        /// Inside a control string, which ends at ST (`ESC \`), or at BEL too when `bell` (OSC).
        case string(bell: Bool)
        /// ESC inside a control string.
        case stringEscape(bell: Bool)
        /// Inside a bracketed paste, its bytes in `pasted`.
        case paste
    }

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)
    private static let pasteStart: [UInt8] = Array("200".utf8)
    /// More parameter bytes than any key sends: what follows is not a key.
    private static let parameterLimit = 16
    private static let replacement = DecodedInput.key(.character("\u{FFFD}"))

    private var state = State.ground
    private var partial = PartialUTF8()
    private var parameters: [UInt8] = []
    private var parametersOverflowed = false
    private var pasted: [UInt8] = []

    public init() {}

    /// Whether bytes are waiting for more (the caller then waits only the escape delay, or
    /// 1 s when `inPaste`).
    public var isPending: Bool { state != .ground || !partial.isEmpty }

    /// Whether a bracketed paste has started and its end has not come yet.
    public var inPaste: Bool { state == .paste }

    /// Feeds bytes as they arrive (any split, even one byte at a time, even inside a
    /// sequence or a UTF-8 character); returns what is complete.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [DecodedInput] {
        var output: [DecodedInput] = []
        let done: Void? = bytes.withContiguousStorageIfAvailable { decode($0, into: &output) }
        if done == nil {
            Array(bytes).withUnsafeBufferPointer { decode($0, into: &output) }
        }
        return output
    }

    /// Called when no byte has come for a while (the caller's escape delay, ~25 ms, or 1 s
    /// inside a paste): a lone ESC becomes .key(.escape); an incomplete sequence is dropped
    /// whole; an incomplete UTF-8 character becomes U+FFFD; an unterminated paste is
    /// returned as .paste of what came.
    public mutating func timeout() -> [DecodedInput] {
        var output: [DecodedInput] = []
        switch state {
        case .ground:
            if !partial.isEmpty { output.append(Self.replacement) }
        case .escape(let alt):
            // `ESC ESC` is Esc pressed twice (tmux sends `Escape Escape` in one write).
            output.append(.key(.escape))
            if alt { output.append(.key(.escape)) }
        case .paste:
            let text = Self.text(of: pasted)
            if !text.isEmpty { output.append(.paste(text)) }
        case .csi, .ss3, .linuxFunction, .mouse, .string, .stringEscape:
            break
        }
        state = .ground
        partial.removeAll()
        pasted = []
        return output
    }

    // MARK: - Decoding

    private mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [DecodedInput]) {
        var index = 0
        while index < input.count {
            if case .paste = state {
                index = takePaste(input, from: index, into: &output)
                continue
            }
            step(input[index], into: &output)
            index += 1
        }
    }

    private mutating func step(_ byte: UInt8, into output: inout [DecodedInput]) {
        switch state {
        case .ground: ground(byte, into: &output)
        case .escape(let alt): afterEscape(byte, alt: alt, into: &output)
        case .csi(let alt): inCSI(byte, alt: alt, into: &output)
        case .ss3(let alt): inSS3(byte, alt: alt, into: &output)
        case .linuxFunction: inLinuxFunction(byte, into: &output)
        case .mouse(let remaining): inMouse(byte, remaining: remaining, into: &output)
        case .string(let bell): inString(byte, bell: bell)
        case .stringEscape(let bell): inStringEscape(byte, bell: bell, into: &output)
        case .paste: pasted.append(byte)  // not reached: `decode` hands a paste to `takePaste`
        }
    }

    private mutating func ground(_ byte: UInt8, into output: inout [DecodedInput]) {
        if !partial.isEmpty {
            if byte & 0xC0 == 0x80 {
                addToCharacter(byte, into: &output)
                return
            }
            // A character cut short: U+FFFD for it, and this byte on its own.
            partial.removeAll()
            output.append(Self.replacement)
        }
        switch byte {
        case 0x20...0x7E: output.append(.key(.character(Character(Unicode.Scalar(byte)))))
        case 0x1B: state = .escape(alt: false)
        case 0x0D, 0x0A: output.append(.key(.enter))
        case 0x09: output.append(.key(.tab))
        case 0x7F, 0x08: output.append(.key(.backspace))
        case 0x01...0x1A: output.append(.key(.control(Character(Unicode.Scalar(byte + 0x60)))))
        case 0x00, 0x1C...0x1F: break
        default: addToCharacter(byte, into: &output)
        }
    }

    private mutating func addToCharacter(_ byte: UInt8, into output: inout [DecodedInput]) {
        switch partial.add(byte) {
        case .incomplete:
            return
        case .complete(let scalar):
            output.append(.key(.character(Character(scalar))))
        case .invalid:
            output.append(Self.replacement)
        }
    }

    private mutating func afterEscape(_ byte: UInt8, alt: Bool, into output: inout [DecodedInput]) {
        switch byte {
        case 0x1B:
            // A third ESC: the first of them was a key of its own.
            if alt { output.append(.key(.escape)) }
            state = .escape(alt: true)
        case UInt8(ascii: "["), UInt8(ascii: "O"):
            parameters.removeAll(keepingCapacity: true)
            parametersOverflowed = false
            state = byte == UInt8(ascii: "[") ? .csi(alt: alt) : .ss3(alt: alt)
        case UInt8(ascii: "]"):
            state = .string(bell: true)
        case UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            state = .string(bell: false)
        case 0x20...0x7E:
            // Alt+key, or Escape and a key typed right after it (tmux sends `Escape q` as one
            // write): the same bytes, the same key.
            state = .ground
            if alt { output.append(.key(.escape)) }
            output.append(.key(.alt(Character(Unicode.Scalar(byte)))))
        default:
            state = .ground
            output.append(.key(.escape))
            if alt { output.append(.key(.escape)) }
            ground(byte, into: &output)
        }
    }

    private mutating func collectParameter(_ byte: UInt8) {
        if parameters.count < Self.parameterLimit {
            parameters.append(byte)
        } else {
            parametersOverflowed = true
        }
    }

    private mutating func inCSI(_ byte: UInt8, alt: Bool, into output: inout [DecodedInput]) {
        switch byte {
        case UInt8(ascii: "$") where !parameters.isEmpty && parameters.allSatisfy(Self.isDigit):
            // rxvt's Shift+key, `ESC [ n $`: `$` is the final byte here, not an intermediate.
            state = .ground
            finishCSI(final: byte, alt: alt, into: &output)
        case 0x20...0x3F:
            collectParameter(byte)
        case 0x40...0x7E:
            state = .ground
            finishCSI(final: byte, alt: alt, into: &output)
        default:
            // Malformed: dropped up to this byte, which is read as usual.
            state = .ground
            ground(byte, into: &output)
        }
    }

    private mutating func finishCSI(final: UInt8, alt: Bool, into output: inout [DecodedInput]) {
        if parameters.isEmpty, final == UInt8(ascii: "M") {
            state = .mouse(remaining: 3)
            return
        }
        if parameters.isEmpty, final == UInt8(ascii: "[") {
            state = .linuxFunction
            return
        }
        if parameters.first == UInt8(ascii: "<"), final == UInt8(ascii: "M") || final == UInt8(ascii: "m") {
            if !parametersOverflowed, let mouse = Self.mouse(parameters.dropFirst(), pressed: final == UInt8(ascii: "M")) {
                output.append(.mouse(mouse))
            }
            return
        }
        if final == UInt8(ascii: "~"), parameters == Self.pasteStart {
            state = .paste
            pasted = []
            return
        }
        guard !parametersOverflowed, let numbers = Self.numbers(parameters) else { return }
        if let key = Self.csiKey(final: final, numbers: numbers, alt: alt) { output.append(.key(key)) }
    }

    private mutating func inSS3(_ byte: UInt8, alt: Bool, into output: inout [DecodedInput]) {
        switch byte {
        case 0x30...0x3F:
            collectParameter(byte)
        case 0x40...0x7E:
            state = .ground
            guard !parametersOverflowed, let numbers = Self.numbers(parameters) else { return }
            if let key = Self.ss3Key(final: byte, numbers: numbers, alt: alt) { output.append(.key(key)) }
        default:
            state = .ground
            ground(byte, into: &output)
        }
    }

    private mutating func inLinuxFunction(_ byte: UInt8, into output: inout [DecodedInput]) {
        state = .ground
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "E"): output.append(.key(.function(Int(byte - UInt8(ascii: "A")) + 1)))
        case 0x40...0x7E: break
        default: ground(byte, into: &output)
        }
    }

    private mutating func inMouse(_ byte: UInt8, remaining: Int, into output: inout [DecodedInput]) {
        // The report's bytes are 32 + a value, at least 0x20: a control byte is no part of one.
        guard byte >= 0x20, byte != 0x7F else {
            state = .ground
            ground(byte, into: &output)
            return
        }
        state = remaining > 1 ? .mouse(remaining: remaining - 1) : .ground
    }

    private mutating func inString(_ byte: UInt8, bell: Bool) {
        if byte == 0x1B {
            state = .stringEscape(bell: bell)
        } else if byte == 0x07, bell {
            state = .ground
        }
    }

    private mutating func inStringEscape(_ byte: UInt8, bell: Bool, into output: inout [DecodedInput]) {
        if byte == UInt8(ascii: "\\") {
            state = .ground
        } else {
            // Not ST: the string is cut off, and this ESC starts a sequence of its own.
            state = .escape(alt: false)
            afterEscape(byte, alt: false, into: &output)
        }
    }

    // MARK: - Bracketed paste

    /// Takes the bytes of a paste from `input` at `start`, up to its end sequence if it is
    /// there; returns where decoding goes on. The end sequence is looked for only in these
    /// bytes and the few before them that could be its beginning, so a long paste read in
    /// chunks costs the same per byte as a short one.
    private mutating func takePaste(_ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [DecodedInput]) -> Int {
        let marker = Self.pasteEnd
        // An end sequence that began in an earlier read.
        let carried = min(pasted.count, marker.count - 1)
        if carried > 0 {
            let head = input[start..<min(input.count, start + marker.count - 1)]
            let overlap = Array(pasted.suffix(carried)) + head
            if let found = Self.firstIndex(of: marker, in: overlap), found < carried {
                pasted.removeLast(carried - found)
                return finishPaste(resumingAt: start + found + marker.count - carried, into: &output)
            }
        }
        let rest = UnsafeBufferPointer(rebasing: input[start...])
        if let found = Self.firstIndex(of: marker, in: rest) {
            pasted.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<found]))
            return finishPaste(resumingAt: start + found + marker.count, into: &output)
        }
        pasted.append(contentsOf: rest)
        return input.count
    }

    private mutating func finishPaste(resumingAt index: Int, into output: inout [DecodedInput]) -> Int {
        let text = Self.text(of: pasted)
        if !text.isEmpty { output.append(.paste(text)) }
        pasted = []
        state = .ground
        return index
    }

    /// Where `marker` (which starts with a byte found nowhere else in it) first begins in `bytes`.
    private static func firstIndex(of marker: [UInt8], in bytes: some Collection<UInt8>) -> Int? {
        let search: (UnsafeBufferPointer<UInt8>) -> Int? = { buffer in
            marker.withUnsafeBufferPointer { marker in
                guard buffer.count >= marker.count else { return nil }
                let first = marker[0]
                var index = 0
                let last = buffer.count - marker.count
                while index <= last {
                    if buffer[index] == first {
                        var length = 1
                        while length < marker.count, buffer[index + length] == marker[length] { length += 1 }
                        if length == marker.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
        if let found = bytes.withContiguousStorageIfAvailable(search) { return found }
        return Array(bytes).withUnsafeBufferPointer(search)
    }

    /// The text of a paste as the notes hold it: CR LF and CR (what terminals send for a
    /// line break in a paste) become LF; bytes that are not UTF-8 become U+FFFD.
    private static func text(of bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            let lines = [UInt8](unsafeUninitializedCapacity: bytes.count) { lines, count in
                var afterCR = false
                count = 0
                for byte in bytes {
                    if byte == 0x0A, afterCR {
                        afterCR = false
                        continue
                    }
                    afterCR = byte == 0x0D
                    lines[count] = afterCR ? 0x0A : byte
                    count += 1
                }
            }
            return String(decoding: lines, as: UTF8.self)
        }
    }
}

/// What `KeyDecoder` makes of bytes.
public enum DecodedInput: Hashable, Sendable {
    case key(Key)
    /// Text pasted with bracketed paste on: never to be taken for keys. Line breaks are LF.
    case paste(String)
    case mouse(Mouse)
}
