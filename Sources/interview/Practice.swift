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

struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise alone (or with a peer watching): answer against the clock, then reveal the key and grade yourself.",
        discussion: HelpExamples.discussion("", "practice"))

    @Argument(help: "A bank file or a bank's name (see `interview banks`; default: config.toml's bank, else machine-learning).",
              completion: Complete.bank)
    var bank: String?

    @Flag(help: "Order the questions by need: never practised, then due for review (see README).")
    var review = false

    @Option(help: ArgumentHelp("Your name, for the session file.", valueName: "name"))
    var candidate: String = ProcessInfo.processInfo.environment["USER"] ?? ""

    @OptionGroup var look: ThemeOption
    @OptionGroup var pointer: MouseOption

    func run() throws {
        let theme = try look.resolve()
        var bank = try Defaults.bank(self.bank)
        let store = SessionStore.standard()
        if review {
            let sessions = store.sessionPaths().compactMap { try? SessionStore.read($0) }
                .filter { $0.mode == .practice && $0.bank.title == bank.title }
            bank.questions = PracticeSchedule.order(bank.questions, history: PracticeSchedule.history(sessions), now: Date())
        }
        let startedAt = Date()
        let engine = SessionEngine(bank: bank, id: UUID().uuidString.lowercased(), mode: .practice, candidate: candidate,
                                   interviewer: "", startedAt: startedAt)
        try requireTerminal()
        let config = try Defaults.config()
        // The file is made once the first frame is up, and before the first key is read.
        try runLive(engine: engine, clock: SessionClock(SystemClock()),
                    file: .new { try makeSessionFile(store, config: config, for: engine, candidate: "practice-" + candidate, startedAt: startedAt) },
                    theme: theme, mouse: pointer.mouse(config: config), practice: true)
    }
}
