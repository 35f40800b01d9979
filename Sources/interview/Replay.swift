import ArgumentParser
import InterviewCore
import InterviewStore
import InterviewTerminal
import InterviewTUI

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a saved session on its own timeline, read-only.",
        discussion: HelpExamples.discussion("", "replay"))

    @Argument(help: "The session file.", completion: .file(extensions: ["json"]))
    var session: String

    @Option(help: ArgumentHelp("Playback speed.", valueName: "1|2|4|8|16"))
    var speed: Double = 1

    @OptionGroup var look: ThemeOption

    func validate() throws {
        guard ReplayState.speeds.contains(speed) else {
            throw ValidationError("--speed must be one of 1, 2, 4, 8, 16")
        }
    }

    func run() throws {
        let theme = try look.resolve()
        let file: SessionFile
        do {
            file = try SessionStore.read(session)
        } catch {
            throw exitWithInputError(error)
        }
        try requireTerminal()
        let terminal = try openTerminal(theme: theme)
        defer { terminal.close() }
        _ = ReplayProgram.run(file: file, speed: speed, terminal: terminal, clock: SystemClock())
    }
}
