import Testing
@testable import InterviewCore

@Suite struct LineEditorTests {
    func texts(_ editor: LineEditor) -> [String] { editor.lines.map(\.text) }

    @Test func insertsAnywhereAndStampsEachLineWhenItStarts() {
        var editor = LineEditor(lines: [])
        editor.insert("hello world", stamp: 5)
        editor.home()
        editor.insert("» ", stamp: 9)
        #expect(texts(editor) == ["» hello world"])
        #expect(editor.lines[0].at == 5, "a line keeps the time it was started")
        editor.end()
        editor.newline(stamp: 12)
        editor.insert("next", stamp: 13)
        #expect(editor.lines[1] == NoteLine(at: 13, text: "next"), "stamped when its first character is typed")
    }

    @Test func wideCharactersAndEmojiMoveAndDeleteAsOne() {
        var editor = LineEditor(lines: [])
        editor.insert("é 日本 🚀 e\u{301}", stamp: 1)
        editor.backspace()
        #expect(texts(editor) == ["é 日本 🚀 "])
        editor.moveLeft()
        editor.moveLeft()
        editor.backspace()
        #expect(texts(editor) == ["é 日本🚀 "])
        editor.backspace()
        #expect(texts(editor) == ["é 日🚀 "])
        editor.deleteForward()
        #expect(texts(editor) == ["é 日 "])
    }

    @Test func joinersAndCombiningMarksTypedOneByOneMergeIntoOneCharacter() {
        var editor = LineEditor(lines: [])
        for piece in ["x", "👩", "\u{200D}", "💻", "e", "\u{301}", "!"] { editor.insert(piece, stamp: 1) }
        #expect(texts(editor) == ["x👩‍💻é!"])
        #expect(editor.column == 4)
        editor.moveLeft()
        editor.backspace()
        #expect(texts(editor) == ["x👩‍💻!"])
        editor.home()
        editor.moveRight()
        editor.insert("\u{301}", stamp: 2)
        #expect(editor.column <= editor.lines[0].text.count)
        editor.end()
        editor.insert("?", stamp: 2)
        #expect(texts(editor)[0].hasSuffix("!?"))
    }

    @Test func pasteWithNewlinesMakesLines() {
        var editor = LineEditor(lines: [])
        editor.insert("one\r\ntwo\nthree", stamp: 3)
        #expect(texts(editor) == ["one", "two", "three"])
        #expect(editor.row == 2)
        #expect(editor.column == 5)
    }

    @Test func backspaceAtTheStartJoinsLinesAndDeleteAtTheEndToo() {
        var editor = LineEditor(lines: [NoteLine(at: 1, text: "ab"), NoteLine(at: 2, text: "cd")])
        editor.home()
        editor.backspace()
        #expect(texts(editor) == ["abcd"])
        #expect(editor.column == 2)
        editor.newline(stamp: 4)
        #expect(texts(editor) == ["ab", "cd"])
        #expect(editor.lines[1].at == 1, "text split off keeps the time it was said")
        editor.moveUp()
        editor.end()
        editor.deleteForward()
        #expect(texts(editor) == ["abcd"])
    }

    @Test func movesByWords() {
        var editor = LineEditor(lines: [NoteLine(at: 0, text: "alpha beta, gamma")])
        editor.wordLeft()
        #expect(editor.column == 12)
        editor.wordLeft()
        #expect(editor.column == 6)
        editor.wordRight()
        #expect(editor.column == 10)
        editor.end()
        editor.deleteWordBackward()
        #expect(texts(editor) == ["alpha beta, "])
    }

    @Test func upAndDownKeepTheColumnWhereTheyCan() {
        var editor = LineEditor(lines: [NoteLine(at: 0, text: "long line"), NoteLine(at: 1, text: "ab")])
        editor.moveUp()
        #expect(editor.row == 0)
        #expect(editor.column == 2)
        editor.end()
        editor.moveDown()
        #expect(editor.column == 2)
        editor.moveDown()
        #expect(editor.row == 1)
    }

    @Test func savedNotesDropTrailingEmptyLines() {
        var editor = LineEditor(lines: [])
        editor.insert("x", stamp: 1)
        editor.newline(stamp: 2)
        #expect(editor.notes == [NoteLine(at: 1, text: "x")])
    }
}
