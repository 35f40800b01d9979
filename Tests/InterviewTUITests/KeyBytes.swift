import Testing
@testable import InterviewTUI

extension Key {
    /// The bytes an xterm-like terminal sends for the key, for tests that press keys
    /// through the program's own decoder.
    var bytes: String {
        switch self {
        case .character(let c): String(c)
        case .control(let c): String(UnicodeScalar(c.asciiValue.map { $0 & 0x1F } ?? 0))
        case .alt(let c): "\u{1B}" + String(c)
        case .enter: "\r"
        case .escape: "\u{1B}"
        case .tab: "\t"
        case .backTab: "\u{1B}[Z"
        case .backspace: "\u{7F}"
        case .delete: "\u{1B}[3~"
        case .insert: "\u{1B}[2~"
        case .up: "\u{1B}[A"
        case .down: "\u{1B}[B"
        case .right: "\u{1B}[C"
        case .left: "\u{1B}[D"
        case .home: "\u{1B}[H"
        case .end: "\u{1B}[F"
        case .pageUp: "\u{1B}[5~"
        case .pageDown: "\u{1B}[6~"
        case .wordLeft: "\u{1B}[1;5D"
        case .wordRight: "\u{1B}[1;5C"
        case .function(let n) where n <= 4: "\u{1B}O" + ["P", "Q", "R", "S"][n - 1]
        case .function(let n): "\u{1B}[\([15, 17, 18, 19, 20, 21, 23, 24][min(n, 12) - 5])~"
        }
    }
}

/// The tests' key presses go through the program's decoder: each key of every table,
/// sent as its bytes, reads back as that key.
@Suite struct KeyBytesTests {
    @Test func everyBoundKeyDecodesToItself() {
        func keys<Context, Action>(_ table: KeyTable<Context, Action>) -> [Key] {
            table.bindings.flatMap { $0.keys + $0.then + $0.direct }
        }
        let keys = Set(LiveKeys.all.flatMap(keys) + keys(ReplayKeys.table) + keys(ReplayKeys.questionList) + keys(MirrorKeys.table)
                       + [.alt("n"), .control("n"), .wordLeft, .wordRight, .delete, .function(5), .function(12)])
        #expect(keys.count > 40)
        for key in keys {
            var decoder = KeyDecoder()
            var decoded = decoder.feed(Array(key.bytes.utf8))
            if decoder.isPending { decoded += decoder.timeout() }
            #expect(decoded == [.key(key)], "\(key.label) as \(key.bytes.debugDescription)")
        }
    }
}
