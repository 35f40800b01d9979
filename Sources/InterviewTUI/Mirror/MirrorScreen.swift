import InterviewCore
import InterviewStore

/// The candidate's screen in a mirror: drawn from a `CandidateView` alone.
public enum MirrorScreen {
    public static func render(_ model: SessionFollower.Model, size: Size, ascii: Bool = false) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        guard size.width >= 20, size.height >= 6 else {
            canvas.put("too small", x: 0, y: 0, style: Style(.warning))
            return canvas
        }
        let box = BoxChars.of(ascii)
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: 1), Style(.banner))
        // No file name: it carries the candidate's name, and the window is shared.
        let banner = " Candidate view · q quits "
        canvas.put(banner, x: max(0, (size.width - DisplayWidth.of(banner)) / 2), y: 0, style: Style(.banner))
        let rect = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        canvas.fill(status, Style(.status))
        switch model {
        case .waiting(let reason):
            Pane(rect: rect, title: "Waiting", lines: Wrap.hanging(Wrap.glyphs(reason, Style(.body)), prefix: [], width: rect.width - 4))
                .draw(into: &canvas, box: box)
        case .following(let view, let running):
            let text: String
            let title: String
            if view.status == .completed {
                (title, text) = ("The end", "The interview has ended. Thank you!")
            } else {
                (title, text) = ("Question \(view.number)", view.prompt)
            }
            var lines = [StyledLine()] + Wrap.hanging(limit: rect.height, prefix: [], width: rect.width - 4) {
                Wrap.glyphs(text.prefix($0), Style(.strong))
            }
            let aside = view.status == .interrupted ? "(the interview is on hold)"
                : !running && view.status == .inProgress ? "(the interviewer's program is not running: the clocks stand)" : nil
            if let aside { lines += [StyledLine()] + Wrap.hanging(Wrap.glyphs(aside, Style(.dim)), prefix: [], width: rect.width - 4) }
            Pane(rect: rect, title: title, lines: lines).draw(into: &canvas, box: box)
            let clocks = StatusBar.clocks(
                question: view.status != .completed && view.clocks != .none ? (view.questionSeconds, view.budgetSeconds) : nil,
                total: view.clocks == .both ? (view.totalSeconds, view.durationSeconds) : nil, paused: view.paused)
            StatusBar.put(clocks, x: 0, y: status.y, into: &canvas)
        }
        return canvas
    }
}

extension MirrorScreen {
    static func render(_ state: MirrorProgram.State) -> Canvas {
        render(state.model, size: state.size, ascii: state.ascii)
    }
}
