using System.Reflection;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;

namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// The trained half of event coding: the rules propose candidates (<see cref="EventCandidate"/>), this decides. The
/// argument model gives each actor mention around a trigger a role (source, target or none), decoded so an event has
/// at most one source set and one target set and no actor plays both; the trigger model then gives the event a
/// confidence (how likely type, source and target are all right). Immutable and thread-safe.
/// </summary>
public sealed class EventCoder
{
    /// <summary>The confidence at or above which outputs show an event by default (chosen on the tune half; see eval/events/README.md).</summary>
    public const double DefaultThreshold = 0.5;

    private const string ModelResource = "Marsad.Resources.events.coder-model.tsv";
    private static readonly string[] ArgumentClasses = ["none", "source", "target"];
    private static readonly string[] TriggerClasses = ["wrong", "right"];

    public EventCoder(LogisticModel arguments, LogisticModel triggers)
    {
        Arguments = arguments;
        Triggers = triggers;
    }

    public LogisticModel Arguments { get; }
    public LogisticModel Triggers { get; }

    /// <summary>The committed model, or null when the build carries none (the rules' events are then used as they are).</summary>
    public static EventCoder? LoadDefault()
    {
        using var stream = typeof(EventCoder).Assembly.GetManifestResourceStream(ModelResource);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    public static EventCoder Read(TextReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) is not null && line.StartsWith('#')) { }
        if (line != "[arguments]") throw new InvalidDataException("coder model: expected [arguments]");
        var arguments = LogisticModel.Read(reader);
        if (reader.ReadLine() != "[triggers]") throw new InvalidDataException("coder model: expected [triggers] after the argument model");
        return new EventCoder(arguments, LogisticModel.Read(reader));
    }

    public void Write(TextWriter writer, string header)
    {
        foreach (var h in header.Split('\n')) writer.WriteLine("# " + h);
        writer.WriteLine("[arguments]");
        Arguments.Write(writer);
        writer.WriteLine();
        writer.WriteLine("[triggers]");
        Triggers.Write(writer);
    }

    public static string[] ArgumentClassNames => ArgumentClasses;
    public static string[] TriggerClassNames => TriggerClasses;

    /// <summary>Decides every candidate of a document (one event per candidate; <see cref="Merging.EventFolder"/> folds them).</summary>
    public List<EventRecord> Decide(IReadOnlyList<EventCandidate> candidates)
    {
        var decided = new List<EventRecord>(candidates.Count);
        foreach (var c in candidates) decided.Add(Decide(c));
        return decided;
    }

    /// <summary>One candidate: its roles from the argument model and its confidence from the trigger model.</summary>
    public EventRecord Decide(EventCandidate c)
    {
        var (source, target, pSource, pTarget) = DecodeArguments(c);
        var features = TriggerFeatures(c, source, target, pSource, pTarget);
        double confidence = Triggers.Probability(features, 1);
        return c.Rules with { Source = source, Target = target, Confidence = Math.Round(confidence, 4) };
    }

    /// <summary>
    /// The roles: each mention takes its most likely role; an actor met twice keeps its likelier role; at most three a
    /// side, likeliest first. (Tried: one best mention a side plus those و joins to it; worse on the seeds and in
    /// cross-validation, since a side often names two parties without و between them.)
    /// </summary>
    public (List<ActorRef> Source, List<ActorRef> Target, double PSource, double PTarget) DecodeArguments(EventCandidate c) => DecodeArguments(Arguments, c);

    /// <summary>The decoding above with any argument model (training decodes with models that did not see the document).</summary>
    public static (List<ActorRef> Source, List<ActorRef> Target, double PSource, double PTarget) DecodeArguments(LogisticModel arguments, EventCandidate c)
    {
        Span<double> p = stackalloc double[3];
        var best = new Dictionary<string, (ActorRef Actor, ArgumentRole Role, double P)>(StringComparer.Ordinal);
        double maxSource = 0, maxTarget = 0;
        foreach (var m in c.Mentions)
        {
            if (m.Kind == "media") continue;
            arguments.Predict(m.Features, p);
            maxSource = Math.Max(maxSource, p[1]);
            maxTarget = Math.Max(maxTarget, p[2]);
            var role = p[1] > p[0] && p[1] >= p[2] ? ArgumentRole.Source : p[2] > p[0] ? ArgumentRole.Target : ArgumentRole.None;
            if (role == ArgumentRole.None) continue;
            double pr = role == ArgumentRole.Source ? p[1] : p[2];
            if (!best.TryGetValue(m.Actor.Id, out var old) || old.P < pr) best[m.Actor.Id] = (m.Actor, role, pr);
        }
        var source = new List<ActorRef>(2);
        var target = new List<ActorRef>(2);
        foreach (var (actor, role, _) in best.Values.OrderByDescending(x => x.P))
        {
            var side = role == ArgumentRole.Source ? source : target;
            if (side.Count < 3) side.Add(actor);
        }
        return (source, target, maxSource, maxTarget);
    }

    /// <summary>The trigger features plus what the argument model decided.</summary>
    public static string[] TriggerFeatures(EventCandidate c, List<ActorRef> source, List<ActorRef> target, double pSource, double pTarget)
    {
        string type = c.Rules.Type;
        string args = (source.Count > 0 ? "S" : "-") + (target.Count > 0 ? "T" : "-");
        return [.. c.TriggerFeatures, "args=" + args, "type|args=" + type + "|" + args,
            "p-src=" + Bucket(pSource), "p-tgt=" + Bucket(pTarget), "type|p-src=" + type + "|" + Bucket(pSource), "type|p-tgt=" + type + "|" + Bucket(pTarget)];
        static string Bucket(double p) => p switch { < 0.3 => "lo", < 0.6 => "mid", < 0.85 => "hi", _ => "top" };
    }
}
