import Testing
import InterviewCore

/// The terminal's answer to OSC 11 and COLORFGBG read as a light or dark background.
@Suite struct TerminalBackgroundTests {
    private func reply(_ text: String) -> TerminalBackground? {
        TerminalBackground(osc11Reply: Array(text.utf8))
    }

    @Test func answersEndedByBelOrStAtAnyDigitCount() {
        #expect(reply("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}") == .light)
        #expect(reply("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\") == .dark)
        #expect(reply("\u{1B}]11;rgb:fd/f6/e3\u{07}") == .light)  // Solarized light, 2 digits
        #expect(reply("\u{1B}]11;rgb:0/2/3\u{07}") == .dark)
        #expect(reply("\u{1B}]11;rgba:2828/2c2c/3434/ffff\u{07}") == .dark)
        #expect(reply("\u{1B}]11;rgb:FFFF/FFFF/DDDD\u{07}") == .light)
    }

    @Test func keysTypedBeforeTheAnswerAreSkipped() {
        #expect(reply("ab\u{1B}]11;rgb:eeee/eeee/eeee\u{07}") == .light)
    }

    @Test func anIncompleteOrMalformedAnswerIsNone() {
        #expect(reply("\u{1B}]11;rgb:ffff/ffff/ffff") == nil)
        #expect(reply("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}") == nil)  // the `\` of ST not read yet
        #expect(reply("\u{1B}]11;rgb:ffff/ffff\u{07}") == nil)
        #expect(reply("\u{1B}]11;rgb:fffff/0/0\u{07}") == nil)
        #expect(reply("\u{1B}]11;rgb:gg/00/00\u{07}") == nil)
        #expect(reply("\u{1B}]10;rgb:ffff/ffff/ffff\u{07}") == nil)
        #expect(reply("") == nil)
    }

    @Test func colorfgbgNamesTheBackgroundLast() {
        #expect(TerminalBackground(colorfgbg: "15;0") == .dark)
        #expect(TerminalBackground(colorfgbg: "0;15") == .light)
        #expect(TerminalBackground(colorfgbg: "0;7") == .light)
        #expect(TerminalBackground(colorfgbg: "7;default;0") == .dark)
        #expect(TerminalBackground(colorfgbg: "0;default") == nil)
        #expect(TerminalBackground(colorfgbg: "0;16") == nil)
        #expect(TerminalBackground(colorfgbg: "") == nil)
        #expect(TerminalBackground(colorfgbg: nil) == nil)
    }

    @Test func eachBackgroundPicksItsTheme() {
        #expect(TerminalBackground.light.themeName == "light")
        #expect(TerminalBackground.dark.themeName == "default")
    }
}
