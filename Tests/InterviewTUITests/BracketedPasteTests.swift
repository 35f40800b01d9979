import Testing
@testable import InterviewTUI

@Suite struct BracketedPasteTests {
    static let start = Array("\u{1B}[200~".utf8)
    static let end = Array("\u{1B}[201~".utf8)

    @Test func readsUpToTheEndMarkAndKeepsWhatFollowsApart() {
        var paste = BracketedPaste(start: Self.start, end: Self.end)
        paste.add(Array("first line\r".utf8))
        #expect(!paste.finished)
        paste.add(Array("second\u{1B}[201~nq".utf8))
        #expect(paste.finished)
        #expect(paste.text == "first line\nsecond")
        #expect(paste.rest == Array("nq".utf8), "keys typed after the paste stay keys")
    }

    @Test func findsAnEndMarkSplitAcrossChunks() {
        for split in 1..<Self.end.count {
            var paste = BracketedPaste(start: Self.start, end: Self.end)
            paste.add(Array("text".utf8) + Self.end[..<split])
            #expect(!paste.finished)
            paste.add(Array(Self.end[split...]))
            #expect(paste.finished, "split after \(split) bytes of the end mark")
            #expect(paste.text == "text")
            #expect(paste.rest.isEmpty)
        }
    }

    /// Two pastes back to back in one read: the second is text too, not keys.
    @Test func aPasteRightAfterThePreviousOneGoesOn() {
        var paste = BracketedPaste(start: Self.start, end: Self.end)
        paste.add(Array("first ".utf8) + Self.end + Self.start + Array("second q y".utf8))
        #expect(!paste.finished)
        paste.add(Array(" still".utf8) + Self.end + Array("n".utf8))
        #expect(paste.finished)
        #expect(paste.text == "first second q y still")
        #expect(paste.rest == Array("n".utf8))
    }

    @Test func lineBreaksBecomeLineFeeds() {
        var paste = BracketedPaste(start: Self.start, end: Self.end)
        paste.add(Array("a\r\nb\rc\nd\r\r".utf8) + Self.end)
        #expect(paste.text == "a\nb\nc\nd\n\n")
    }

    @Test func bytesThatAreNotUTF8AreShownNotDropped() {
        var paste = BracketedPaste(start: Self.start, end: Self.end)
        // A character cut by a chunk boundary is whole again; a lone continuation byte is not UTF-8.
        let rocket = Array("🚀".utf8)
        paste.add(Array("x".utf8) + rocket[..<2])
        paste.add(Array(rocket[2...]) + [0x80, 0x79] + Self.end)
        #expect(paste.text == "x🚀\u{FFFD}y")
    }

    @Test func controlCharactersStayTextForTheNotesToShowVisibly() {
        var paste = BracketedPaste(start: Self.start, end: Self.end)
        paste.add(Array("\u{1B}[2J\tend".utf8) + Self.end)
        #expect(paste.text == "\u{1B}[2J\tend")
    }
}
