import ArgumentParser
import Foundation
import InterviewKit
import InterviewTerminal

/// `--theme`, shared by every command that opens a screen.
struct ThemeOption: ParsableArguments {
    @Option(help: ArgumentHelp("A theme name (see `interview themes`) or a theme file (default: config.toml's theme, else default).",
                               valueName: "name|file"), completion: Complete.theme)
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (clicks and the wheel do nothing here; also `mouse = false` in config.toml).")
    var noMouse = false

    /// Whether the live screens take clicks: not with --no-mouse, nor with config.toml's `mouse = false`.
    func mouse() throws -> Bool {
        if noMouse { return false }
        do throws(InputError) {
            return try Config.load().mouse
        } catch {
            throw exitWithInputError(error)
        }
    }

    /// The theme to draw with: `--theme`, else config.toml's `theme`, else the one for
    /// the terminal's background (`light` or `default`) as the terminal answers or
    /// COLORFGBG says, else `default`. A bad theme stops the command with exit 2 before
    /// the screen starts.
    func resolve() throws -> Theme {
        do throws(InputError) {
            var reference = theme
            if reference == nil { reference = try ThemeLoader.configuredDefault() }
            if reference == nil {
                let background = BackgroundQuery.ask()
                    ?? TerminalBackground(colorfgbg: ProcessInfo.processInfo.environment["COLORFGBG"])
                reference = background?.themeName
            }
            return try ThemeLoader.load(reference ?? ThemeLoader.defaultName)
        } catch {
            throw exitWithInputError(error)
        }
    }
}

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes (built-in and yours), each with a sample in its own colours.")

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let colors = isatty(STDOUT_FILENO) == 1 && !ColorFallback.noColor(environment: environment)
            ? (ColorFallback.supportsTruecolor(environment: environment) ? ColorFallback.directColors : 256) : 0
        let infos = ThemeLoader.available()
        let width = infos.map(\.name.count).max() ?? 0
        for info in infos {
            let name = VisibleText.visible(info.name).padding(toLength: width + 2, withPad: " ", startingAt: 0)
            var line = name
            if let theme = try? ThemeLoader.load(info.name) {
                line += ThemeSample.line(theme, colors: colors)
            }
            // The sample's colours are ours; the name, description and path come from files.
            let about = info.description + (info.source == ThemeInfo.builtInSource ? "" : "  (\(info.source))")
            print(line + "  " + VisibleText.visible(about))
        }
    }
}
