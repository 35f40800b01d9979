import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

// Tests of themes (docs/themes.md): every file in Themes/ is complete, the built-ins
// ship with the binary, user themes and config.toml, colour fallbacks, and errors
// that point at their line and column.

// MARK: - Helpers

/// The package's `Themes/` folder on disk, found from this file's path.
private let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes")

private let builtinSix = ["colorblind", "default", "high-contrast", "light", "monochrome", "muted"]

/// The theme files in `Themes/`, as on disk.
private func themeFilesOnDisk() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: themesFolder.path)
        .filter { $0.hasSuffix(".toml") }.sorted().map { themesFolder.appendingPathComponent($0) }
}

/// A fresh, empty XDG_CONFIG_HOME, removed when the value is released.
private final class ConfigHome {
    let url: URL
    var environment: [String: String] { ["XDG_CONFIG_HOME": url.path, "HOME": url.path] }
    var interview: URL { url.appendingPathComponent("interview") }
    var themes: URL { interview.appendingPathComponent("themes") }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("interview-theme-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func writeTheme(_ name: String, _ text: String) throws -> URL {
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        let file = themes.appendingPathComponent(name + ".toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(at: interview, withIntermediateDirectories: true)
        try text.write(to: interview.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }
}

/// The error that parsing `text` as a theme throws, or a test failure if it parses.
private func themeError(_ text: String, file: String = "mine.toml",
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> InputError {
    let theme: Theme
    do {
        theme = try ThemeLoader.parse(text, file: file)
    } catch {
        return error
    }
    Issue.record("expected an error, but the theme parsed: \(theme.name)", sourceLocation: sourceLocation)
    throw ThemeParsedWithoutError()
}

private struct ThemeParsedWithoutError: Error {}

/// `LINE:COLUMN` of an error.
private func position(_ error: InputError) -> String { "\(error.line):\(error.column)" }

private func builtin(_ name: String) throws -> Theme {
    try ThemeLoader.load(name, environment: ConfigHome().environment)
}

/// Hue in degrees and saturation of a colour, as HSV has them.
private func hueSaturation(_ color: ThemeColor) -> (hue: Double, saturation: Double)? {
    guard case .rgb = color, let (r, g, b) = ColorFallback.rgb(color) else { return nil }
    let (rf, gf, bf) = (Double(r) / 255, Double(g) / 255, Double(b) / 255)
    let high = max(rf, gf, bf), low = min(rf, gf, bf), delta = high - low
    guard high > 0, delta > 0 else { return (0, 0) }
    var hue: Double
    if high == rf { hue = 60 * ((gf - bf) / delta).truncatingRemainder(dividingBy: 6) }
    else if high == gf { hue = 60 * ((bf - rf) / delta + 2) }
    else { hue = 60 * ((rf - gf) / delta + 4) }
    if hue < 0 { hue += 360 }
    return (hue, delta / high)
}

// MARK: - The files in Themes/

@Test func everyThemeFileParsesAndDefinesEveryRole() throws {
    let files = try themeFilesOnDisk()
    #expect(files.count >= 6)
    for file in files {
        let text = try String(contentsOf: file, encoding: .utf8)
        let name = file.deletingPathExtension().lastPathComponent
        let definition = try ThemeParser.definition(text, file: file.path)
        #expect(definition.missingRoles.isEmpty, "\(name) leaves out \(definition.missingRoles.map(\.rawValue))")
        #expect(definition.name == nil || definition.name == name, "\(name): name key says \(definition.name ?? "")")
        #expect(!definition.description.isEmpty, "\(name) has no description")
        #expect(definition.base == nil, "\(name): a built-in theme stands on its own")
    }
}

@Test func theSixBuiltinsAreAvailable() throws {
    let home = try ConfigHome()
    let available = ThemeLoader.available(environment: home.environment)
    for name in builtinSix {
        let info = try #require(available.first { $0.name == name }, "\(name) is missing")
        #expect(info.source == "built-in")
        #expect(!info.description.isEmpty)
        let theme = try ThemeLoader.load(name, environment: home.environment)
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
    }
    #expect(available.map(\.name) == available.map(\.name).sorted())
}

/// The EmbedResources plugin compiles every file of Themes/ into the binary: a file
/// added there that did not ship would fail here.
@Test func everyFileInThemesShipsWithTheBinary() throws {
    let onDisk = try themeFilesOnDisk().map { $0.deletingPathExtension().lastPathComponent }
    #expect(ThemeLoader.builtinNames == onDisk)
}

/// The built-ins are in the binary, byte for byte as in Themes/: found by name
/// wherever the binary is and whatever the working directory, with no file opened.
@Test func builtinsAreCompiledInByteForByte() throws {
    for file in try themeFilesOnDisk() {
        let name = file.deletingPathExtension().lastPathComponent
        #expect(ThemeLoader.isBuiltin(name))
        #expect(ThemeLoader.builtinBytes(name) == Array(try Data(contentsOf: file)), "\(name)")
        #expect(try ThemeLoader.builtinText(name) == String(contentsOf: file, encoding: .utf8), "\(name)")
    }
    #expect(!ThemeLoader.isBuiltin("nonesuch"))
    #expect(!ThemeLoader.isBuiltin("../Themes/light"))
    #expect(ThemeLoader.builtinBytes("../Themes/light") == nil)
}

@Test func monochromeUsesNoColour() throws {
    for (role, style) in try builtin("monochrome").styles {
        #expect(style.foreground == .terminalDefault && style.background == .terminalDefault, "\(role.rawValue)")
    }
}

@Test func highContrastSetsEveryBackground() throws {
    for (role, style) in try builtin("high-contrast").styles {
        #expect(style.background != .terminalDefault, "\(role.rawValue) shows the terminal's own background")
        #expect(!style.dim, "\(role.rawValue) is dim")
    }
}

@Test func colorblindCarriesNoMeaningOnRedAgainstGreen() throws {
    let theme = try builtin("colorblind")
    for (role, style) in theme.styles {
        for color in [style.foreground, style.background] {
            if case .ansi = color { Issue.record("\(role.rawValue): ANSI colours vary with the terminal's palette") }
            guard let (hue, saturation) = hueSaturation(color), saturation > 0.3 else { continue }
            #expect(!(hue < 20 || hue >= 345), "\(role.rawValue) is red: \(color)")
            #expect(!(75...165).contains(hue), "\(role.rawValue) is green: \(color)")
        }
    }
    // Ticked rubric items stand out by weight, not only by hue.
    #expect(theme.style(.rubricChecked).bold && !theme.style(.rubricUnchecked).bold)
    // The clock's three states differ by attributes and brightness, not by hue alone.
    let ok = theme.style(.clockOK), warn = theme.style(.clockWarn), over = theme.style(.clockOver)
    #expect(!ok.bold && warn.bold && over.bold)
    #expect(ok.background == .terminalDefault && warn.background == .terminalDefault)
    #expect(over.background != .terminalDefault && over.underline)
}

@Test func everyThemeMakesTheBannerAndClockStatesStandOut() throws {
    for name in builtinSix {
        let theme = try builtin(name)
        let banner = theme.style(.banner)
        #expect(banner.bold && (banner.reverse || banner.background != .terminalDefault), "\(name): banner")
        let clocks = [theme.style(.clockOK), theme.style(.clockWarn), theme.style(.clockOver)]
        #expect(Set(clocks).count == 3, "\(name): clock states look alike")
        let over = clocks[2]
        #expect(over.reverse || over.background != .terminalDefault, "\(name): clock-over is not a block")
        #expect(theme.style(.warning).bold, "\(name): warning")
        let control = theme.style(.control)
        #expect(control.reverse || control.background != .terminalDefault, "\(name): control marks")
    }
}

// MARK: - User themes and config.toml

@Test func aUserThemeShadowsTheBuiltinAndIsFilledFromDefault() throws {
    let home = try ConfigHome()
    let file = try home.writeTheme("default", """
    description = "mine"
    [body]
    fg = "red"
    """)
    let available = ThemeLoader.available(environment: home.environment)
    let info = try #require(available.first { $0.name == "default" })
    #expect(info == ThemeInfo(name: "default", description: "mine", source: file.path))
    #expect(available.filter { $0.name == "default" }.count == 1)

    let theme = try ThemeLoader.load("default", environment: home.environment)
    #expect(theme.name == "default")
    #expect(theme.style(.body) == RoleStyle(foreground: .ansi(1)))
    let builtinDefault = try ThemeLoader.theme(ThemeLoader.builtinText("default"),
                                               file: "d", name: "default")
    #expect(theme.style(.border) == builtinDefault.style(.border))
    #expect(Set(theme.styles.keys) == Set(Role.allCases))
}

@Test func aUserThemeCanNameItsBase() throws {
    let home = try ConfigHome()
    try home.writeTheme("paper", """
    base = "light"
    [banner]
    fg = "white"
    bg = 25
    bold = true
    """)
    let theme = try ThemeLoader.load("paper", environment: home.environment)
    let light = try ThemeLoader.load("light", environment: home.environment)
    #expect(theme.style(.banner) == RoleStyle(foreground: .ansi(7), background: .indexed(25), bold: true))
    #expect(theme.style(.status) == light.style(.status))
    #expect(ThemeLoader.available(environment: home.environment).map(\.name).contains("paper"))

    try home.writeTheme("odd", "base = \"nope\"\n")
    let error = try #require(throws: InputError.self) { try ThemeLoader.load("odd", environment: home.environment) }
    #expect(position(error) == "1:8")
    #expect(error.message.hasPrefix("unknown base theme \"nope\": expected one of the built-in themes colorblind, default"))
}

@Test func aThemeFileLoadsByPath() throws {
    let home = try ConfigHome()
    let file = home.url.appendingPathComponent("solar.toml")
    try "[title]\nfg = \"#ffaf00\"\n".write(to: file, atomically: true, encoding: .utf8)
    let theme = try ThemeLoader.load(file.path, environment: home.environment)
    #expect(theme.name == "solar")
    #expect(theme.style(.title) == RoleStyle(foreground: .rgb(255, 175, 0)))

    let folder = try #require(throws: InputError.self) { try ThemeLoader.load(home.url.path, environment: home.environment) }
    #expect(folder.message.hasPrefix("is a folder"))
}

@Test func anUnknownNameListsTheAvailableThemes() throws {
    let home = try ConfigHome()
    try home.writeTheme("zebra", "")
    let error = try #require(throws: InputError.self) { try ThemeLoader.load("nope", environment: home.environment) }
    #expect(error.description == "nope: no theme named \"nope\" and no such file: expected a theme file or one of the themes "
        + "colorblind, default, high-contrast, light, monochrome, muted, zebra")
}

@Test func aBrokenUserThemeIsListedWithItsError() throws {
    let home = try ConfigHome()
    let file = try home.writeTheme("broken", "[body\n")
    let info = try #require(ThemeLoader.available(environment: home.environment).first { $0.name == "broken" })
    #expect(info.source == file.path)
    #expect(info.description.contains("\(file.path):1:"))
}

@Test func configTomlNamesTheDefaultTheme() throws {
    let home = try ConfigHome()
    #expect(try Config.load(environment: home.environment).theme == nil)

    try home.writeConfig("# nothing yet\n")
    #expect(try Config.load(environment: home.environment).theme == nil)

    try home.writeConfig("theme = \"muted\"\n")
    #expect(try Config.load(environment: home.environment).theme == "muted")

    try home.writeConfig("theme = \"themes/mine.toml\"\n")
    #expect(try Config.load(environment: home.environment).theme == home.interview.appendingPathComponent("themes/mine.toml").path)

    try home.writeConfig("theme = \"~/t.toml\"\n")
    #expect(try Config.load(environment: home.environment).theme == home.url.appendingPathComponent("t.toml").path)

    try home.writeConfig("theme = \"muted\"\n  colour = \"yes\"\n")
    let unknown = try #require(throws: InputError.self) { try Config.load(environment: home.environment).theme }
    #expect(unknown.file == home.interview.appendingPathComponent("config.toml").path)
    #expect(position(unknown) == "2:3")
    #expect(unknown.message == "unknown key \"colour\" in config.toml: expected one of interviewer, bank, duration, theme, banks, retention, file_names, mouse, avoid_words")

    try home.writeConfig("theme = 3\n")
    let wrongType = try #require(throws: InputError.self) { try Config.load(environment: home.environment).theme }
    #expect(position(wrongType) == "1:9")

    try home.writeConfig("theme = \"muted\n")
    let syntax = try #require(throws: InputError.self) { try Config.load(environment: home.environment).theme }
    #expect(syntax.line == 1)
}

@Test func xdgConfigHomeDefaultsToDotConfig() {
    #expect(ThemeLoader.configFolder(environment: ["HOME": "/home/ada"]).path == "/home/ada/.config/interview")
    #expect(ThemeLoader.configFolder(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": ""]).path == "/home/ada/.config/interview")
    #expect(ThemeLoader.configFolder(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "rel"]).path == "/home/ada/.config/interview")
    #expect(ThemeLoader.configFolder(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "/x"]).path == "/x/interview")
}

// MARK: - Colours

@Test func colourSyntax() {
    #expect(ThemeColor(themeString: "default") == .terminalDefault)
    #expect(ThemeColor(themeString: "Default") == .terminalDefault)
    for (index, name) in ThemeColor.ansiNames.enumerated() {
        #expect(ThemeColor(themeString: name) == .ansi(index))
    }
    #expect(ThemeColor(themeString: "bright-black") == .ansi(8))
    #expect(ThemeColor(themeString: "#5fAFff") == .rgb(0x5f, 0xaf, 0xff))
    #expect(ThemeColor(themeIndex: 0) == .indexed(0))
    #expect(ThemeColor(themeIndex: 255) == .indexed(255))
    for bad in ["#fff", "#12345", "#1234567", "#gg0000", "purple", "brightblack", "", "ff0000", "#+f0000"] {
        #expect(ThemeColor(themeString: bad) == nil, "\(bad)")
    }
    #expect(ThemeColor(themeIndex: 256) == nil)
    #expect(ThemeColor(themeIndex: -1) == nil)
}

@Test func colourFallsBackFromTruecolorTo256To16To8() {
    let red = ThemeColor.rgb(255, 0, 0)
    #expect(ColorFallback.index(red, colors: ColorFallback.directColors) == 0xff0000)
    #expect(ColorFallback.index(red, colors: 256) == 196)
    #expect(ColorFallback.index(red, colors: 16) == 9)
    #expect(ColorFallback.index(red, colors: 8) == 1)

    let blue = ThemeColor.rgb(0x5f, 0xaf, 0xff)
    #expect(ColorFallback.index(blue, colors: ColorFallback.directColors) == 0x5fafff)
    #expect(ColorFallback.index(blue, colors: 256) == 75)
    #expect(ColorFallback.index(blue, colors: 16) == 12)
    #expect(ColorFallback.index(blue, colors: 8) == 6)

    #expect(ColorFallback.index(.rgb(0x80, 0x80, 0x80), colors: 256) == 244)
    #expect(ColorFallback.index(.indexed(196), colors: ColorFallback.directColors) == 0xff0000)
    #expect(ColorFallback.index(.indexed(196), colors: 256) == 196)
    #expect(ColorFallback.index(.indexed(196), colors: 16) == 9)
    #expect(ColorFallback.index(.indexed(196), colors: 8) == 1)

    #expect(ColorFallback.index(.ansi(9), colors: ColorFallback.directColors) == 0xff0000)
    #expect(ColorFallback.index(.ansi(3), colors: ColorFallback.directColors) == 3)
    #expect(ColorFallback.index(.ansi(9), colors: 16) == 9)
    #expect(ColorFallback.index(.ansi(9), colors: 8) == 1)
    // Black as 24-bit colour must not read as ANSI index 0 on a direct terminal.
    #expect(ColorFallback.index(.rgb(0, 0, 0), colors: ColorFallback.directColors) == 8)
    for colors in [8, 16, 256, ColorFallback.directColors] {
        #expect(ColorFallback.index(.terminalDefault, colors: colors) == -1)
    }
    #expect(ColorFallback.rgb(.ansi(1)).map { [$0.red, $0.green, $0.blue] } == [205, 0, 0])
    #expect(ColorFallback.rgb(.terminalDefault) == nil)
}

@Test func truecolorAndNoColorComeFromTheEnvironment() {
    #expect(ColorFallback.supportsTruecolor(environment: ["COLORTERM": "truecolor"]))
    #expect(ColorFallback.supportsTruecolor(environment: ["COLORTERM": "24bit"]))
    #expect(ColorFallback.supportsTruecolor(environment: ["COLORTERM": "TrueColor"]))
    #expect(!ColorFallback.supportsTruecolor(environment: ["COLORTERM": "yes"]))
    #expect(!ColorFallback.supportsTruecolor(environment: [:]))

    #expect(ColorFallback.noColor(environment: ["NO_COLOR": ""]))
    #expect(ColorFallback.noColor(environment: ["NO_COLOR": "1"]))
    #expect(!ColorFallback.noColor(environment: ["TERM": "xterm"]))

    #expect(ColorFallback.colorCount(terminalColors: 256, environment: ["NO_COLOR": ""]) == 0)
    #expect(ColorFallback.colorCount(terminalColors: 256, environment: [:]) == 256)
    #expect(ColorFallback.colorCount(terminalColors: 256, environment: ["COLORTERM": "truecolor"]) == 256)
    #expect(ColorFallback.colorCount(terminalColors: 1 << 24, environment: [:]) == ColorFallback.directColors)
    #expect(ColorFallback.colorCount(terminalColors: 2, environment: [:]) == 0)
}

// MARK: - Format and errors

@Test func aThemeFileReadsEveryKindOfValue() throws {
    let theme = try ThemeLoader.parse("""
    name = "sample"
    description = "every kind of value"
    warning = { fg = "default", bold = true }
    code.fg = "yellow"

    [title]
    fg = "bright-cyan"
    bg = 236
    bold = true
    italic = false

    [status]
    fg = "#00AFff"
    reverse = true
    dim = true
    underline = true
    """, file: "/somewhere/sample.toml")
    #expect(theme.name == "sample")
    #expect(theme.style(.title) == RoleStyle(foreground: .ansi(14), background: .indexed(236), bold: true))
    #expect(theme.style(.status) == RoleStyle(foreground: .rgb(0, 0xaf, 0xff), dim: true, underline: true, reverse: true))
    #expect(theme.style(.code) == RoleStyle(foreground: .ansi(3)))
    #expect(theme.style(.warning) == RoleStyle(bold: true))
    #expect(Set(theme.styles.keys) == Set(Role.allCases))
    #expect(try ThemeLoader.parse("", file: "x/blank.toml").name == "blank")
}

@Test func aTomlSyntaxErrorHasItsPosition() throws {
    let error = try themeError("""
    name = "broken"

    [body
    fg = "red"
    """)
    #expect(error.file == "mine.toml")
    #expect(position(error) == "3:6")
    #expect(error.message == "invalid TOML in table header: expected ']', saw '\\n'")
    #expect(error.description.hasPrefix("mine.toml:3:6: "))

    let duplicate = try themeError("[body]\nfg = \"red\"\nfg = \"blue\"\n")
    #expect(position(duplicate) == "3:6")
    #expect(duplicate.message == "invalid TOML in key-value pair: cannot redefine existing string 'fg': expected valid TOML")

    let unquoted = try themeError("[body]\nfg = red\n")
    #expect(position(unquoted) == "2:6")
    #expect(unquoted.message.hasSuffix("could not determine value type (text needs quotes: fg = \"red\"): expected valid TOML"))
}

@Test func anUnknownRoleIsNamedAtItsTable() throws {
    let error = try themeError("""
    [body]
    fg = "red"

    [boarder]
    fg = "blue"
    """)
    #expect(position(error) == "4:2")
    #expect(error.message.hasPrefix("unknown element [boarder] (did you mean \"border\"?): expected one of body, border, border-focused,"))

    let spaced = try themeError("[ \"clock-okay\" ]\n")
    #expect(position(spaced) == "1:3")
    #expect(spaced.message.hasPrefix("unknown element [clock-okay] (did you mean \"clock-ok\"?)"))
    let far = try themeError("[panel]\n")
    #expect(far.message.hasPrefix("unknown element [panel]: expected one of"))

    let topLevel = try themeError("title = \"x\"\nnmae = \"x\"\n")
    #expect(position(topLevel) == "1:9")
    #expect(topLevel.message.hasPrefix("title is \"x\": expected a table [title]"))
    let misspelt = try themeError("nmae = \"x\"\n")
    #expect(misspelt.message.hasPrefix("unknown key \"nmae\" (did you mean \"name\"?)"))
}

@Test func anUnknownKeyInARoleIsNamedAtItsPlace() throws {
    let error = try themeError("""
    [title]
    fg = "red"
      bolt = true
    """)
    #expect(position(error) == "3:3")
    #expect(error.message == "unknown key \"bolt\" in [title] (did you mean \"bold\"?): expected fg, bg, bold, dim, italic, underline or reverse")

    let inline = try themeError("border = { fg = \"red\", colour = \"blue\" }\n")
    #expect(position(inline) == "1:24")

    let dotted = try themeError("\n\nstatus.foreground = \"red\"\n")
    #expect(position(dotted) == "3:8")
}

@Test func aBadColourIsNamedWithWhatWasExpected() throws {
    let error = try themeError("""
    [code]
    fg = "#12345"
    """)
    #expect(position(error) == "2:6")
    #expect(error.message == "bad colour \"#12345\" for fg in [code]: expected #rrggbb, 0-255, an ANSI colour name or default")

    let index = try themeError("[code]\nbg   =   300\n")
    #expect(position(index) == "2:10")
    #expect(index.message.hasPrefix("bad colour 300 for bg in [code]"))

    let name = try themeError("rating = { bold = true, fg = \"purple\" }\n")
    #expect(position(name) == "1:30")

    let boolean = try themeError("[title]\nbold = \"yes\"\n")
    #expect(position(boolean) == "2:8")
    #expect(boolean.message == "bold in [title] is \"yes\": expected true or false")
}

@Test func theEarliestOfSeveralErrorsIsReported() throws {
    let error = try themeError("""
    [title]
    fg = "nope"

    [body]
    fg = "nope"
    zz = 1
    """)
    #expect(position(error) == "2:6")
}

@Test func positionsSkipMultilineStringsAndComments() throws {
    let error = try themeError("""
    description = \"\"\"
    [fake]
    fg = "x"
    \"\"\"
    # [title]
    [title] # the title
    fg = 'x'
    """)
    #expect(position(error) == "7:6")
}
