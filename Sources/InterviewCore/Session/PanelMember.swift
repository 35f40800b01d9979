#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A panel member's own session on the lead's interview (`interview join`): the lead's
/// bank questions, plan, candidate and planned length, nothing of what the lead gathered,
/// and the link back (`SessionFile.Panel`). The member's notes, ticks, ratings and
/// recommendation are theirs alone, in their own file.
public enum PanelMember {
    public static func engine(joining lead: SessionFile, id: String, interviewer: String, role: SessionFile.Panel.Role,
                              startedAt: Date) -> SessionEngine {
        // The lead's own questions (`Esc +`) are theirs: a member adds their own if they wish.
        let questions = zip(lead.questions, lead.bankQuestions).filter { $0.0.added != true }.map(\.1)
        let bank = Bank(title: lead.bank.title, durationSeconds: lead.bank.durationSeconds, questions: questions,
                        source: lead.bank.source, hash: lead.bank.hash)
        let fresh = SessionEngine(bank: bank, id: id, candidate: lead.candidate, interviewer: interviewer, startedAt: startedAt,
                                  durationSeconds: lead.bank.durationSeconds, plan: lead.plan, candidateClock: lead.candidateClock)
        var file = fresh.snapshot(at: 0)
        file.panel = SessionFile.Panel(interview: lead.panel?.interview ?? lead.id, role: role, lead: lead.panel?.lead ?? lead.interviewer)
        return SessionEngine(file: file)
    }
}
