import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewTerminal
import InterviewTUI

struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Score a live interview beside its lead: your own screen and session file, following the lead's question and clocks.",
        discussion: HelpExamples.discussion("""
            SESSION is the lead's session file (on this machine, or in a folder both \
            machines sync). Your notes, ticks, ratings and recommendation go into a new \
            session file of your own, linked to the lead's; neither screen ever shows the \
            other's marks. Esc l goes back to the lead's question after you looked at \
            another; Esc q y ends your part. See docs/panel.md.
            """, "join"))

    @Argument(help: "The lead's session file.", completion: .file(extensions: ["json"]))
    var session: String

    @Option(help: ArgumentHelp("Your name, for your session file (default: config.toml's interviewer, else $USER).", valueName: "name"))
    var interviewer: String?

    @Flag(help: "Join as a shadow (a trainee): your scores are shown apart in the debrief, never combined into the decision.")
    var shadow = false

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Save your session to this new file (default: a new file in the sessions folder).", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var out: String?

    @OptionGroup var look: ThemeOption
    @OptionGroup var pointer: MouseOption

    func run() throws {
        let lead: SessionFile
        do {
            lead = try SessionStore.read(session)
        } catch {
            throw exitWithInputError(error)
        }
        guard lead.mode == .live else {
            throw exitWithInputError(InputError(file: session, message: "is a practice session: expected a live interview to join"))
        }
        let config = try Defaults.config()
        let interviewer = config.interviewer(given: self.interviewer)
        let theme = try look.resolve()
        let out = self.out.map { URL(fileURLWithPath: $0) }
        if let out, FileManager.default.fileExists(atPath: out.path) { throw Run.exists(out) }
        let startedAt = Date()
        let engine = PanelMember.engine(joining: lead, id: UUID().uuidString.lowercased(), interviewer: interviewer,
                                        role: shadow ? .shadow : .second, startedAt: startedAt)
        try requireTerminal()
        let url = try Run.createFile(out, store: SessionStore.standard(), config: config, for: engine, startedAt: startedAt)
        let clock = SessionClock(SystemClock())
        try runLive(engine: engine, clock: clock, file: .existing(url.path, created: true), theme: theme, mouse: pointer.mouse(config: config),
                    remember: out != nil, screen: Self.following(session, name: engine.file.panel?.lead ?? lead.interviewer,
                                                                 engine: engine, clock: clock))
    }

    /// A panel member's screen on `engine`, following the lead's file at `leadPath`.
    static func following(_ leadPath: String, name: String, engine: SessionEngine, clock: SessionClock,
                          notice: String? = nil) -> LiveScreenRun {
        { saver, terminal in
            let (state, saved) = JoinProgram.run(engine: engine, clock: clock, saver: saver, terminal: terminal, leadPath: leadPath,
                                                 leadName: name, notice: notice)
            return (state.live, saved)
        }
    }
}
