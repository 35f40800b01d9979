import Testing
@testable import InterviewCore
@testable import InterviewTUI

/// Panes wrap only the lines they show; those lines must be exactly the first lines of
/// the whole text wrapped, whatever the text.
@Suite struct WrapTests {
    static let texts = [
        "",
        "short",
        String(repeating: "long ", count: 2_000),
        String(repeating: "x", count: 5_000),
        "a" + String(repeating: " ", count: 3_000) + "b c d",  // spaces past the edge: more characters than lines
        String(repeating: "日本語のテキスト🚀 e\u{301}tude ", count: 300),
        "tab\there\u{1B}[2J then more words " + String(repeating: "w ", count: 500),
    ]

    /// Printable ASCII takes a shortcut to its glyphs (a character per byte): the same
    /// glyphs as character by character, for whole texts and slices of them alike.
    @Test func asciiGlyphsAreThoseOfTheCharacterRule() {
        let style = Style(.body)
        let texts = Self.texts + ["plain words", " ~!@#$%^&*()_+{}|:\"<>?`-=[];',./", "tab\tin", "cr\r\nlf", "\u{7F}del", "é", "a e\u{301}"]
        for text in texts {
            let characters = text.map { Glyph($0, style) }
            #expect(Wrap.glyphs(text, style) == characters, "\(text.prefix(40).debugDescription)")
            #expect(Wrap.glyphs(text.dropFirst(min(3, text.count)), style) == Array(characters.dropFirst(min(3, text.count))))
        }
    }

    @Test func theFirstLinesAreThoseOfTheWholeText() {
        let prefix = Wrap.glyphs("1 [ ] ", Style(.dim))
        for text in Self.texts {
            for width in [1, 7, 40, 116] {
                let all = Wrap.hanging(Wrap.glyphs(text, Style(.body)), prefix: prefix, width: width)
                for limit in [1, 2, 5, 38, all.count, all.count + 3] {
                    let some = Wrap.hanging(limit: limit, prefix: prefix, width: width) { Wrap.glyphs(text.prefix($0), Style(.body)) }
                    #expect(some == Array(all.prefix(limit)), "\(text.prefix(20))… at width \(width), \(limit) lines")
                }
            }
        }
    }

    @Test func richTextToo() {
        let markdown = Self.texts.joined(separator: "\n\n- ") + "\n\n**bold** and `code` " + String(repeating: "_em_ ", count: 400)
        let text = RichText.parse(markdown)
        for width in [5, 38, 76] {
            let all = Wrap.rich(text, width: width)
            for limit in [0, 1, 3, 17, 200, all.count - 1, all.count, all.count + 1] where limit >= 0 {
                #expect(Wrap.rich(text, width: width, limit: limit) == Array(all.prefix(limit)), "width \(width), \(limit) lines")
            }
        }
    }

    /// A 100,000-character section scrolls to its very last line and stops there, though
    /// each frame wraps only down to what it shows.
    @Test func aLongSectionScrollsToItsLastLineAndStops() throws {
        var state = Hostile.state(try LongLineTests.bank(), width: 80, height: 24)
        let (panes, _) = LiveScreen.panes(state)
        let pane = try #require(panes[.expected])
        let all = Wrap.rich(state.question.expectedAnswer, width: pane.rect.width - 4)
        #expect(all.count > 1_000)
        LiveReducer.reduce(&state, .view(.scroll(1_000_000)), now: 1)
        #expect(state.scroll[.expected] == all.count - pane.visibleLines)
        let canvas = LiveScreen.render(state)
        let last = try #require(all.last?.plain.trimmingCharacters(in: .whitespaces))
        let bottom = canvas.text.split(separator: "\n")[pane.rect.maxY - 2]
        #expect(bottom.contains(last), "the pane's last row shows the section's last line")
        LiveReducer.reduce(&state, .view(.page(-1)), now: 2)
        #expect(state.scroll[.expected] == all.count - pane.visibleLines - (pane.visibleLines - 1))
        LiveReducer.reduce(&state, .view(.scroll(-1_000_000)), now: 3)
        #expect(state.scroll[.expected] == nil)
    }
}
