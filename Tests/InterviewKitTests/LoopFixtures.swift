import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// Sessions of an interview loop (several interviewers, several candidates), built with
/// the engine the way live interviews build them: the inputs of the stats and debrief tests.
enum LoopFixtures {
    /// What an interviewer did on one question, in order: its time, ticks, note, rating.
    struct Step {
        var seconds: Double
        var ticks: [Int] = []
        var note: String?
        var rating: Int?
        /// `x` on it, with this reason ("" for none), at the end of its time.
        var skip: String?
    }

    static let day: TimeInterval = 86_400

    /// A session on `bank`: each step opens the next question (the first is open from the
    /// start), then wrap-up, the recommendation and closing notes, and the end.
    static func session(_ bank: Bank, id: String, candidate: String, interviewer: String, day: Int, hour: Int = 8,
                        mode: SessionMode = .live, steps: [Step], recommendation: Int? = nil,
                        closing: String? = nil, end: Bool = true) throws -> SessionFile {
        let start = ReportFixtures.startedAt.addingTimeInterval(Double(day) * Self.day + Double(hour - 8) * 3600)
        var engine = SessionEngine(bank: bank, id: id, mode: mode, candidate: candidate, interviewer: interviewer,
                                   startedAt: start)
        var t = 0.0
        for (index, step) in steps.enumerated() {
            if index > 0 { engine.perform(.next, at: t) }
            for item in step.ticks { engine.perform(.toggleRubric(item), at: t + 1) }
            if let note = step.note { engine.perform(.setNotes([NoteLine(at: 2, text: note)]), at: t + 2) }
            if let rating = step.rating { engine.perform(.rate(rating), at: t + 3) }
            if let reason = step.skip { engine.perform(.skip(reason: reason.isEmpty ? nil : reason), at: t + step.seconds - 1) }
            t += step.seconds
        }
        if end {
            engine.perform(.wrapUp, at: t)
            if let recommendation { engine.perform(.recommend(recommendation), at: t + 1) }
            if let closing { engine.perform(.setClosingNotes([NoteLine(at: 1, text: closing)]), at: t + 2) }
            engine.perform(.end, at: t + 3)
            engine.markEnded(now: start.addingTimeInterval(t + 3))
            t += 3
        }
        return try ReportFixtures.roundTrip(engine.snapshot(at: t))
    }

    /// The stats fixture: sessions of the report fixture's bank by two interviewers (one
    /// left in progress, one with a question skipped and no decision), a session started
    /// and quit at once (nothing recorded), a practice session, and names a CSV must quote
    /// or defuse.
    static func statsSessions() throws -> [SessionReport] {
        let bank = try ReportFixtures.bank()
        let files: [(String, SessionFile)] = [
            ("a-grace-ada.json", try session(bank, id: "s1", candidate: "Ada Lovelace", interviewer: "Grace Hopper", day: 0, steps: [
                Step(seconds: 200, ticks: [0, 2], note: "Clear -> then vague", rating: 3),
                Step(seconds: 50, ticks: [1], rating: 2),
                Step(seconds: 180, note: "Owns the pipeline", rating: 4),
            ], recommendation: 3, closing: "Hire")),
            ("b-alan-ada.json", try session(bank, id: "s2", candidate: "Ada Lovelace", interviewer: "Alan Turing", day: 1, steps: [
                Step(seconds: 150, ticks: [0], rating: 1),
                Step(seconds: 130, ticks: [0, 1], rating: 4),
            ], recommendation: 2)),
            ("c-grace-bob.json", try session(bank, id: "s3", candidate: "=Bob \"Bobby\" Tables, Jr.", interviewer: "Grace Hopper",
                                             day: 2, steps: [
                Step(seconds: 190, ticks: [1], rating: 2),
                Step(seconds: 60, skip: ""),
                Step(seconds: 400, rating: 4),
                Step(seconds: 10, ticks: [0], rating: 3),
            ], recommendation: Rating.noDecision)),
            ("d-grace-empty.json", try session(bank, id: "s4", candidate: "Carol", interviewer: "Grace Hopper", day: 3,
                                               steps: [Step(seconds: 4)])),
            ("e-practice.json", try session(bank, id: "s5", candidate: "Ada Lovelace", interviewer: "Ada Lovelace", day: 4,
                                            mode: .practice, steps: [Step(seconds: 100, ticks: [0, 1, 2], rating: 4)])),
            ("f-alan-dan.json", try session(bank, id: "s6", candidate: "Dan", interviewer: "Alan Turing", day: 5, steps: [
                Step(seconds: 100, rating: 2),
                Step(seconds: 30, note: "left in progress"),
            ], end: false)),
        ]
        return files.map { SessionReport($0.1, file: $0.0) }
    }

    /// A bank with tags, for the debrief's roll-up.
    static let debriefBankText = """
    ---
    title: Debrief fixture
    duration: 30m
    ---
    ## What is overfitting, and how do you *prevent* it?
    id: overfitting
    time: 3m
    tags: generalization, model training
    competencies: ML fundamentals, modelling
    ### Expected answer
    Fits noise.
    ### Rubric
    - [ ] Defines overfitting
    - [ ] Train vs validation gap
    - [ ] Names a remedy

    ## Bias | variance: the trade-off?
    id: bias-variance
    time: 2m
    tags: generalization
    competencies: ML fundamentals
    ### Expected answer
    Both matter.
    ### Rubric
    - [ ] Bias
    - [ ] Variance

    ## Tell me about a past project.
    id: past-project
    time: 5m
    tags: experience
    competencies: ownership, communication
    ### Expected answer
    A project.
    """

    /// A second interviewer's bank: one question shared by id, one by prompt only, one its own.
    static let systemsBankText = """
    ---
    title: Systems round
    duration: 30m
    ---
    ## What is overfitting, and how do you *prevent* it?
    id: overfit-again
    time: 4m
    tags: generalization
    competencies: ML fundamentals
    ### Expected answer
    Fits noise.
    ### Rubric
    - [ ] Defines overfitting
    - [ ] Names a remedy

    ## Bias | variance?
    id: bias-variance
    time: 2m
    tags: generalization
    competencies: ML fundamentals
    ### Expected answer
    Both matter.

    ## Design a feature store.
    id: feature-store
    time: 10m
    tags: systems, experience
    competencies: system design, communication
    ### Expected answer
    Online and offline stores.
    ### Rubric
    - [ ] Online vs offline
    - [ ] Point-in-time correctness
    """

    /// Three interviewers' sessions of one candidate (as files, by name), with ratings
    /// two points apart on two questions and on the recommendation.
    static func debriefSessions() throws -> [(name: String, file: SessionFile)] {
        let bank = try BankParser.parse(bytes: Array(debriefBankText.utf8), file: "debrief.md")
        let systems = try BankParser.parse(bytes: Array(systemsBankText.utf8), file: "systems.md")
        return [
            ("2027-01-15-grace.json", try session(bank, id: "d1", candidate: "Ada Lovelace", interviewer: "Grace Hopper", day: 0, steps: [
                Step(seconds: 200, ticks: [0, 2], note: "Strong on remedies", rating: 4),
                Step(seconds: 50, ticks: [1], rating: 3),
                Step(seconds: 180, rating: 3),
            ], recommendation: 4, closing: "Hire: clear -> structured thinking")),
            ("2027-01-15-alan.json", try session(bank, id: "d2", candidate: "Ada Lovelace", interviewer: "Alan Turing", day: 0, hour: 10,
                                                 steps: [
                Step(seconds: 100, ticks: [0], rating: 2),
                Step(seconds: 130, ticks: [0, 1], rating: 3),
                Step(seconds: 5, skip: "out of time"),
            ], recommendation: 2, closing: "Unsure about depth | breadth")),
            ("2027-01-16-barbara.json", try session(systems, id: "d3", candidate: "ada  lovelace", interviewer: "Barbara Liskov", day: 1,
                                                    steps: [
                Step(seconds: 260, ticks: [0, 1], rating: 3),
                Step(seconds: 90, rating: 1),
                Step(seconds: 700, ticks: [0], note: "Good on online/offline", rating: 3),
            ], recommendation: 3)),
        ]
    }
}
