import Testing
@testable import InterviewCore

// Every built-in theme stays readable on the background(s) it is made for, at every
// colour depth, after its colours are reduced the way the terminal draws them
// (docs/themes.md, "Contrast").

/// A terminal's own colours: its background, and its text on it.
private struct Backdrop: CustomStringConvertible {
    let background: (red: Int, green: Int, blue: Int)
    let text: (red: Int, green: Int, blue: Int)
    let description: String
    static let white = Backdrop(background: (255, 255, 255), text: (0, 0, 0), description: "white")
    static let black = Backdrop(background: (0, 0, 0), text: (255, 255, 255), description: "black")
}

/// The backgrounds each built-in theme is made for, as docs/themes.md says.
private let claims: [String: [Backdrop]] = [
    "default": [.white, .black], "high-contrast": [.white, .black], "monochrome": [.white, .black],
    "light": [.white], "colorblind": [.black], "muted": [.black],
]

private let depths = [8, 16, 256, ColorFallback.directColors]

/// What the terminal shows for a colour number `ColorFallback` gave at `colors`.
private func shown(_ index: Int, colors: Int, otherwise: (red: Int, green: Int, blue: Int)) -> (red: Int, green: Int, blue: Int) {
    if index < 0 { return otherwise }
    if colors >= ColorFallback.directColors, index >= 8 { return (index >> 16 & 0xff, index >> 8 & 0xff, index & 0xff) }
    return ColorFallback.rgb(ofIndex: index)
}

/// The contrast of `role`'s text on its background, drawn on `backdrop` with `colors`.
private func contrast(_ theme: Theme, _ role: Role, on backdrop: Backdrop, colors: Int) -> Double {
    let look = theme.style(role)
    let pair = ColorFallback.pair(foreground: look.foreground, background: look.background, colors: colors)
    var text = shown(pair.foreground, colors: colors, otherwise: backdrop.text)
    var background = shown(pair.background, colors: colors, otherwise: backdrop.background)
    if look.reverse { swap(&text, &background) }
    return ColorFallback.contrast(text, background)
}

@Suite struct ThemeContrastTests {
    @Test func wcagContrastOfKnownColours() {
        #expect(ColorFallback.contrast((0, 0, 0), (255, 255, 255)) == 21)
        #expect(ColorFallback.contrast((255, 0, 0), (255, 0, 0)) == 1)
        #expect(abs(ColorFallback.contrast((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54) < 0.01)
        #expect(abs(ColorFallback.contrast((0x76, 0x76, 0x76), (0, 0, 0)) - 4.62) < 0.01)
    }

    @Test func everyBuiltinThemeClaimsItsBackgrounds() {
        #expect(Set(claims.keys) == Set(ThemeLoader.available(environment: [:]).map(\.name)))
    }

    /// Text 4.5:1, borders 3:1, on each background the theme is made for.
    @Test(arguments: claims.keys.sorted())
    func everyRoleIsReadable(themeName: String) throws {
        let theme = try ThemeLoader.parse(ThemeLoader.builtinText(themeName), file: themeName + ".toml")
        for backdrop in claims[themeName] ?? [] {
            for colors in depths {
                for role in Role.allCases {
                    let needed = role == .border || role == .borderFocused ? 3 : ColorFallback.textContrast
                    let ratio = contrast(theme, role, on: backdrop, colors: colors)
                    #expect(ratio >= needed, "\(themeName) [\(role.rawValue)] on \(backdrop) with \(colors) colours: \(ratio)")
                }
            }
        }
    }

    /// The bug: with TERM=xterm the grey of a border became colour 0, black on a dark
    /// terminal. No approximated colour may become black or white on the terminal's own
    /// background with 8 or 16 colours.
    @Test(arguments: [8, 16])
    func fewColoursNeverTurnTextIntoBlackOrWhite(colors: Int) {
        for index in 16..<256 {
            let pair = ColorFallback.pair(foreground: .indexed(index), background: .terminalDefault, colors: colors)
            #expect(![0, 7, 8, 15].contains(pair.foreground), "index \(index) became \(pair.foreground)")
        }
        let border = ColorFallback.pair(foreground: .rgb(0x58, 0x58, 0x58), background: .terminalDefault, colors: colors)
        #expect(border.foreground == -1)
    }

    @Test func onItsOwnBackgroundOrByNameAColourIsKept() {
        #expect(ColorFallback.pair(foreground: .rgb(0, 0, 0), background: .rgb(255, 175, 0), colors: 8) == (0, 3))
        #expect(ColorFallback.pair(foreground: .ansi(4), background: .terminalDefault, colors: 8) == (4, -1))
        #expect(ColorFallback.pair(foreground: .rgb(0x58, 0x58, 0x58), background: .terminalDefault, colors: 256) == (240, -1))
    }
}
