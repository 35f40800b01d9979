import ArgumentParser
import InterviewCore
import InterviewTerminal
import InterviewTUI

struct Mirror: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror",
        abstract: "Show what the candidate may see of a live session (prompt, number, clocks), following its file.",
        discussion: HelpExamples.discussion("", "mirror"))

    @Argument(help: "The session file of the live interview (see --out of `interview run`).", completion: .file(extensions: ["json"]))
    var session: String

    @OptionGroup var look: ThemeOption

    func run() throws {
        let theme = try look.resolve()
        try requireTerminal()
        let terminal = try openTerminal(theme: theme)
        defer { terminal.close() }
        _ = MirrorProgram.run(path: session, terminal: terminal, clock: SystemClock())
    }
}
