import Foundation
import Testing

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct ThemeEndToEndTests {
    /// The colour escape sequences (SGR 38/48) of the screen as tmux holds it.
    func colourSequences(_ screen: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: "m") else { break }
            let codes = String(tail[..<end])
            let basic = codes.split(separator: ";").contains { code in
                [30...37, 40...47, 90...97, 100...107].contains { $0.contains(Int(code) ?? 0) }
            }
            if codes.contains("38;") || codes.contains("48;") || basic {
                found.insert(codes)
            }
            rest = tail[end...]
        }
        return found
    }

    @Test func twoThemesDrawDifferentColoursAndNoColorNone() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--theme", "default"], name: "dark")
        try tmux.start(["--now", "--theme", "light"], name: "pale")
        try tmux.start(["--now", "--theme", "default"], name: "plain", environment: ["NO_COLOR": ""])
        for name in ["dark", "pale", "plain"] { try tmux.waitFor("Question 1/15", in: name) }
        let darkScreen = try tmux.screen("dark", escapes: true)
        let dark = colourSequences(darkScreen)
        let pale = colourSequences(try tmux.screen("pale", escapes: true))
        let plain = try tmux.screen("plain", escapes: true)
        #expect(!dark.isEmpty, "\(darkScreen)")
        #expect(!pale.isEmpty)
        #expect(dark != pale, "default and light should not look the same")
        #expect(colourSequences(plain).isEmpty, "NO_COLOR: no colour at all")
        #expect(plain.contains("\u{1B}[1m"), "NO_COLOR keeps attributes")
    }

    @Test func aBadThemeStopsBeforeTheScreenWithItsPosition() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.toml")
        try "name = \"bad\"\n\n[border]\nfg = \"#12345\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["run", "--theme", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):4:6:"), "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}["), "nothing was drawn")
    }

    @Test func themesListsTheBuiltInsAndUserThemes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let user = folder.appendingPathComponent("interview/themes")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try "name = \"mine\"\ndescription = \"my own\"\n".write(to: user.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["themes"], environment: ["XDG_CONFIG_HOME": folder.path])
        #expect(result.status == 0)
        for name in ["default", "light", "high-contrast", "colorblind", "muted", "monochrome", "mine"] {
            #expect(result.stdout.contains(name), "missing \(name)")
        }
    }
}
