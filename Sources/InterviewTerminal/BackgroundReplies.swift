import InterviewCore

/// The terminal's answers to the background query (`BackgroundQuery`), taken out of its
/// input wherever they come: its background colour (`ESC ] 11 ; rgb:… BEL` or ST), which
/// not every terminal sends, then its device attributes (DA1, `ESC [ ? 64 ; 1 ; 2 c`),
/// which every terminal sends, in order, after the colour. So the DA1 answer ends the
/// wait, and until it comes the input goes through `filter`, after the first frame too:
/// what a terminal sends for a key never starts `ESC [ ?` or `ESC ] 11 ;`, so an answer
/// is never taken for keys, nor a key for an answer. A value without I/O.
struct BackgroundReplies: Sendable {
    /// The background the colour answer told, once it came.
    private(set) var background: TerminalBackground?
    /// Whether the DA1 answer is still to come.
    private(set) var awaiting = true

    /// Where the bytes held so far are in an answer.
    private enum Stage: Equatable, Sendable {
        case idle
        /// `ESC`, `ESC [`: a key as well (Escape, Alt-[, an arrow…).
        case escape, csi
        /// `ESC [ ?` and digits and `;`: only DA1.
        case attributes
        /// `ESC ]` and `matched` bytes of `11;`: a key as well (Alt-] and more).
        case osc(matched: Int)
        /// `ESC ] 11 ;` and the colour: only the answer; `escape` after an ESC, ST's first byte.
        case color(escape: Bool)
    }

    /// What a byte does to what is held.
    private enum Step {
        case hold(Stage)
        /// It ends an answer.
        case answer
        /// It is no part of an answer there.
        case mismatch
    }

    private var stage = Stage.idle
    private var held: [UInt8] = []
    /// Longer than any answer: what grows past it is no answer.
    private static let limit = 96
    private static let escape: UInt8 = 0x1B, bell: UInt8 = 0x07
    private static let colorIntroducer = Array("11;".utf8)

    init() {}

    /// Whether bytes that may start an answer are held, waiting for the next ones.
    var isHolding: Bool { !held.isEmpty }

    /// Whether what is held can be an answer only: its rest comes whenever it comes, as no
    /// key can come in the middle of it. Otherwise (`ESC`, `ESC [`) it is given back as keys
    /// by `timeout()` once the escape delay has passed.
    var holdsAnswer: Bool {
        switch stage {
        case .attributes, .color: true
        case .idle, .escape, .csi, .osc: false
        }
    }

    /// Takes `bytes` as they were read (split anywhere); returns, in their order, those
    /// that are not part of an answer, for the key decoder. Once the DA1 answer has come,
    /// everything goes through.
    mutating func filter(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var keys: [UInt8] = []
        for byte in bytes {
            guard awaiting else {
                keys.append(byte)
                continue
            }
            take(byte, into: &keys)
        }
        return keys
    }

    /// Nothing came within the escape delay: held bytes that may be keys are given back;
    /// the start of an answer stays held for its rest.
    mutating func timeout() -> [UInt8] {
        guard !holdsAnswer else { return [] }
        defer { held = []; stage = .idle }
        return held
    }

    private mutating func take(_ byte: UInt8, into keys: inout [UInt8]) {
        if stage == .idle {
            if byte == Self.escape {
                held = [byte]
                stage = .escape
            } else {
                keys.append(byte)
            }
            return
        }
        switch held.count < Self.limit ? Self.step(stage, byte) : .mismatch {
        case .hold(let next):
            held.append(byte)
            stage = next
        case .answer:
            if held[1] == UInt8(ascii: "]") {
                background = TerminalBackground(osc11Reply: held + [byte]) ?? background
            } else {
                awaiting = false
            }
            held = []
            stage = .idle
        case .mismatch:
            // No answer: the decoder gets the bytes as they came (it drops a sequence it
            // does not know whole), but an ESC that cut a colour short may start an answer.
            let restart = stage == .color(escape: true)
            keys += restart ? held.dropLast() : held[...]
            held = restart ? [Self.escape] : []
            stage = restart ? .escape : .idle
            take(byte, into: &keys)
        }
    }

    private static func step(_ stage: Stage, _ byte: UInt8) -> Step {
        switch stage {
        case .idle:
            return .mismatch
        case .escape:
            return byte == UInt8(ascii: "[") ? .hold(.csi) : byte == UInt8(ascii: "]") ? .hold(.osc(matched: 0)) : .mismatch
        case .csi:
            return byte == UInt8(ascii: "?") ? .hold(.attributes) : .mismatch
        case .attributes:
            if byte == UInt8(ascii: "c") { return .answer }
            return (0x30...0x39).contains(byte) || byte == UInt8(ascii: ";") ? .hold(.attributes) : .mismatch
        case .osc(let matched):
            guard byte == colorIntroducer[matched] else { return .mismatch }
            return .hold(matched + 1 == colorIntroducer.count ? .color(escape: false) : .osc(matched: matched + 1))
        case .color(escape: true):
            return byte == UInt8(ascii: "\\") ? .answer : .mismatch
        case .color(escape: false):
            if byte == bell { return .answer }
            if byte == escape { return .hold(.color(escape: true)) }
            return (0x20...0x7E).contains(byte) ? .hold(.color(escape: false)) : .mismatch
        }
    }
}
