import Testing
import InterviewCore
@testable import InterviewTerminal

/// The answers to the background query taken out of the terminal's input, as raw bytes,
/// in any split; keys around them go through as they came.
@Suite struct BackgroundRepliesTests {
    static let color = "\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\"
    static let attributes = "\u{1B}[?64;1;2;6;9;15;16;17;18;21;22;28c"

    /// Feeds `text` in the pieces `cuts` makes (offsets into its bytes), then a timeout
    /// if `timeout`: the bytes that went through, and the replies afterwards.
    static func filter(_ text: String, cutAt cuts: [Int] = [], timeout: Bool = false) -> (keys: String, replies: BackgroundReplies) {
        var replies = BackgroundReplies()
        let bytes = Array(text.utf8)
        var keys: [UInt8] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            keys += replies.filter(bytes[start..<cut])
            start = cut
        }
        if timeout { keys += replies.timeout() }
        return (String(decoding: keys, as: UTF8.self), replies)
    }

    @Test func bothAnswersAmongKeysAreTakenOutAndTheKeysStayInOrder() {
        let text = "a\u{1B}[A" + Self.color + "b\u{1B}n" + Self.attributes + "c\u{1B}[B"
        let (keys, replies) = Self.filter(text)
        #expect(keys == "a\u{1B}[Ab\u{1B}nc\u{1B}[B")
        #expect(replies.background == .light)
        #expect(!replies.awaiting)
        #expect(!replies.isHolding)
    }

    @Test func answersCutAnywhereAreTakenOutWhole() {
        let text = "x" + Self.color + Self.attributes + "y"
        for cut in 1..<text.utf8.count {
            let (keys, replies) = Self.filter(text, cutAt: [cut])
            #expect(keys == "xy", "cut at \(cut)")
            #expect(replies.background == .light && !replies.awaiting, "cut at \(cut)")
        }
        let byByte = Self.filter(text, cutAt: Array(1..<text.utf8.count))
        #expect(byByte.keys == "xy" && byByte.replies.background == .light && !byByte.replies.awaiting)
    }

    @Test func onlyTheDeviceAttributesEndTheWait() {
        let (keys, replies) = Self.filter("\u{1B}[?6c")
        #expect(keys.isEmpty)
        #expect(replies.background == nil && !replies.awaiting)
        let colorOnly = Self.filter(Self.color)
        #expect(colorOnly.replies.background == .light && colorOnly.replies.awaiting)
    }

    /// Once the last answer has come, nothing is taken out any more: a paste may hold the same bytes.
    @Test func afterTheLastAnswerEverythingGoesThrough() {
        let text = Self.attributes + Self.attributes + Self.color + "\u{1B}"
        #expect(Self.filter(text).keys == Self.attributes + Self.color + "\u{1B}")
    }

    /// An Escape, or the start of an arrow, held in case it starts an answer, is given
    /// back once nothing follows; the start of an answer is not, and waits for its rest.
    @Test func aTimeoutGivesBackWhatMayBeKeysOnly() {
        for maybeKey in ["\u{1B}", "\u{1B}[", "\u{1B}]", "\u{1B}]11"] {
            let held = Self.filter(maybeKey)
            #expect(held.keys.isEmpty && held.replies.isHolding && !held.replies.holdsAnswer, "\(maybeKey.debugDescription)")
            #expect(Self.filter(maybeKey, timeout: true).keys == maybeKey)
        }
        var replies = BackgroundReplies()
        #expect(replies.filter(Array("\u{1B}[?64;1".utf8)).isEmpty)
        #expect(replies.holdsAnswer)
        #expect(replies.timeout().isEmpty)
        #expect(replies.filter(Array(";2cq".utf8)) == Array("q".utf8), "the rest, whenever it comes, is taken out too")
        #expect(!replies.awaiting)
    }

    /// What starts like an answer and is none reaches the decoder as it came, which drops
    /// a sequence it does not know whole; an ESC that cuts the colour short starts over.
    @Test func sequencesThatAreNoAnswerGoThroughAsTheyCame() {
        for other in ["\u{1B}[?1;2$y", "\u{1B}[?25h", "\u{1B}]10;rgb:0/0/0\u{07}", "\u{1B}[200~ab\u{1B}[201~"] {
            let (keys, replies) = Self.filter(other)
            #expect(keys == other, "\(other.debugDescription)")
            #expect(replies.awaiting)
        }
        let (keys, replies) = Self.filter("\u{1B}]11;rgb:ff" + Self.attributes)
        #expect(keys == "\u{1B}]11;rgb:ff")
        #expect(!replies.awaiting)
    }
}
