import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore
import InterviewStore
import InterviewTerminal

/// `--theme`, shared by every command that opens a screen.
struct ThemeOption: ParsableArguments {
    @Option(help: ArgumentHelp("A theme name (see `interview themes`) or a theme file (default: config.toml's theme, else default).",
                               valueName: "name|file"), completion: Complete.theme)
    var theme: String?

    /// The theme to draw with: `--theme`, else config.toml's `theme`, else the one for
    /// the terminal's background (`light` or `default`) as the terminal answers or
    /// COLORFGBG says, else `default`. A bad theme stops the command with exit 2 before
    /// the screen starts.
    func resolve() throws -> Theme {
        try theme(config: Defaults.config()).valueOrExit()
    }

    /// The theme `resolve` gives, or its problem, not said yet (`run` says its bank's first).
    func theme(config: Config) -> Result<Theme, InputError> {
        let background = (theme ?? config.theme) == nil
            ? BackgroundQuery.ask() ?? TerminalBackground(colorfgbg: ProcessInfo.processInfo.environment["COLORFGBG"]) : nil
        let reference = theme ?? config.theme ?? background?.themeName ?? ThemeLoader.defaultName
        do throws(InputError) {
            return .success(try ThemeLoader.load(reference))
        } catch {
            return .failure(theme == nil ? config.error(at: "theme", error, value: reference) : error)
        }
    }
}

/// `--no-mouse`, for the screens that take clicks (run, resume, practice).
struct MouseOption: ParsableArguments {
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (clicks and the wheel do nothing here; also `mouse = false` in config.toml).")
    var noMouse = false

    /// Whether the live screens take clicks: not with --no-mouse, nor with config.toml's `mouse = false`.
    func mouse() throws -> Bool {
        noMouse ? false : mouse(config: try Defaults.config())
    }

    /// The same with config.toml read already.
    func mouse(config: Config) -> Bool { !noMouse && config.mouse }
}

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes (built-in and yours), each with a sample in its own colours.",
        discussion: HelpExamples.discussion("", "themes"))

    @OptionGroup var listing: ListingFormatOption

    /// A theme as `--format json` lists it.
    struct Listed: Encodable {
        var name: String
        var description: String
        /// `built-in`, or the theme file's path.
        var source: String
        var usable: Bool
    }

    /// The sample in the theme's colours only on a terminal (never into a pipe or a
    /// file), and in attributes alone with NO_COLOR.
    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(STDOUT_FILENO) == 1
        let colors = terminal && !ColorFallback.noColor(environment: environment)
            ? (ColorFallback.supportsTruecolor(environment: environment) ? ColorFallback.directColors : 256) : 0
        let infos = ThemeLoader.available()
        if listing.format == .json {
            try ListingFormat.printJSON(infos.map { info in
                Listed(name: info.name, description: info.description, source: info.source,
                       usable: (try? ThemeLoader.load(info.name)) != nil)
            })
            return
        }
        let width = infos.map(\.name.count).max() ?? 0
        for info in infos {
            var line = VisibleText.visible(info.name).padded(toLength: width + 2)
            if terminal, let theme = try? ThemeLoader.load(info.name) {
                line += ThemeSample.line(theme, colors: colors) + "  "
            }
            // The sample's colours are ours; the name, description and path come from files.
            let about = info.description + (info.source == ThemeInfo.builtInSource ? "" : "  (\(info.source))")
            print(line + VisibleText.visible(about))
        }
    }
}
