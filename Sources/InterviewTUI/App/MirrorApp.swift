import Foundation
import InterviewKit

/// Follows a live session through its file: reads it again whenever it changes
/// (checked four times a second) and shows only its candidate-safe view. Between
/// saves, a running clock is moved on by the time since the file was written.
public enum MirrorApp {
    public static func run(path: String, theme: Theme) {
        let terminal = Terminal(theme: theme)
        defer { terminal.close() }
        let name = URL(fileURLWithPath: path).lastPathComponent
        var size = terminal.size
        var seen: (Date, Int)?
        var loaded: (file: SessionFile, questions: [Question], state: SessionState, written: Date)?
        var model = MirrorModel.waiting("Looking for \(path)…")
        while true {
            if let (current, written) = read(path, after: seen, into: &loaded) { model = current; seen = written }
            if let loaded, case .following = model {
                let t = loaded.file.clockSeconds + max(0, Date().timeIntervalSince(loaded.written))
                model = .following(CandidateView(questions: loaded.questions, durationSeconds: loaded.file.bank.durationSeconds,
                                                 state: loaded.state, at: t))
            }
            terminal.draw(MirrorScreen.render(model, session: name, size: size, ascii: terminal.ascii))
            switch terminal.read(timeout: 250) {
            case .key(.character("q")), .signal: return
            case .resize(let newSize): size = newSize
            default: break
            }
        }
    }

    /// Reads the file if it changed since `seen`; the model to show and what was seen.
    private static func read(_ path: String, after seen: (Date, Int)?,
                             into loaded: inout (file: SessionFile, questions: [Question], state: SessionState, written: Date)?)
        -> (MirrorModel, (Date, Int))? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let written = attributes[.modificationDate] as? Date, let bytes = attributes[.size] as? Int else {
            loaded = nil
            return (.waiting("Waiting for \(path): no such file yet. It appears when the interview starts."), (.distantPast, -1))
        }
        if let seen, seen.0 == written, seen.1 == bytes { return nil }
        do {
            let file = try SessionStore.read(path)
            let questions = loaded?.file.id == file.id ? loaded!.questions : file.bankQuestions
            let state = file.finalState
            loaded = (file, questions, state, written)
            return (.following(CandidateView(questions: questions, durationSeconds: file.bank.durationSeconds,
                                             state: state, at: file.clockSeconds)), (written, bytes))
        } catch {
            loaded = nil
            return (.waiting("Waiting: \(error.description). Retrying."), (written, bytes))
        }
    }
}
