import Testing
@testable import InterviewTUI

@Suite struct PartialUTF8Tests {
    func feed(_ bytes: [UInt8]) -> [PartialUTF8.Result] {
        var partial = PartialUTF8()
        return bytes.map { partial.add($0) }
    }

    @Test func aCharacterSplitOverReadsIsPutTogether() {
        var partial = PartialUTF8()
        let rocket = Array("🚀".utf8)
        #expect(partial.add(rocket[0]) == .incomplete)
        #expect(partial.add(rocket[1]) == .incomplete)
        // A read that times out here keeps the two bytes; the next one brings the rest.
        #expect(!partial.isEmpty)
        #expect(partial.add(rocket[2]) == .incomplete)
        #expect(partial.add(rocket[3]) == .complete("🚀"))
        #expect(partial.isEmpty)
    }

    @Test func everyCharacterOfMixedTextComesOutOnce() {
        let text = "a é 東京 🇯🇵 👩‍💻 Ελληνικά"
        let scalars = feed(Array(text.utf8)).compactMap { result -> Unicode.Scalar? in
            if case .complete(let scalar) = result { return scalar }
            return nil
        }
        #expect(String(String.UnicodeScalarView(scalars)) == text)
    }

    @Test func bytesThatAreNotUTF8AreMarkedNotSwallowed() {
        #expect(feed([0xFF]) == [.invalid])
        #expect(feed([0x80]) == [.invalid], "a continuation byte with nothing before it")
        #expect(feed([0xE6, 0x41]) == [.incomplete, .invalid], "a character cut short by an ASCII letter")
        #expect(feed([0xED, 0xA0, 0x80]) == [.incomplete, .incomplete, .invalid], "a surrogate encoded as UTF-8")
        #expect(feed([0xC3, 0xA9, 0x41]) == [.incomplete, .complete("é"), .complete("A")])
    }
}
