namespace Wms.Core.DataQuality;

/// <summary>Collects findings by check, keeping their order; builds the report's lists and groups.</summary>
internal sealed class ProblemList
{
    private readonly Dictionary<DataCheck, List<string>> _items = [];
    private readonly List<(DataCheck Check, string Message)> _messages = [];

    /// <summary>Adds a finding: <paramref name="message"/> goes to errors/warnings, <paramref name="item"/> (default: the message) to its group.</summary>
    public void Add(DataCheck check, string message, string? item = null)
    {
        AddItem(check, item ?? message);
        _messages.Add((check, message));
    }

    /// <summary>Adds a file to a group whose errors/warnings line is a summary (<see cref="AddSummary"/>).</summary>
    public void AddItem(DataCheck check, string item)
    {
        if (!_items.TryGetValue(check, out var list)) _items[check] = list = [];
        list.Add(item);
    }

    public void AddSummary(DataCheck check, string message) => _messages.Add((check, message));

    public int Count(DataCheck check) => _items.TryGetValue(check, out var list) ? list.Count : 0;

    public bool HasErrors => _messages.Any(m => m.Check.Severity == Severity.Error);

    /// <summary>Messages of one severity, in check order (the order of <see cref="DataChecks.All"/>), then as added.</summary>
    public List<string> Messages(Severity severity) => _messages
        .Where(m => m.Check.Severity == severity)
        .Select((m, i) => (m, i))
        .OrderBy(x => Rank(x.m.Check)).ThenBy(x => x.i)
        .Select(x => x.m.Message)
        .ToList();

    public List<ProblemGroup> Groups() => DataChecks.All
        .Where(c => _items.ContainsKey(c))
        .Select(c => new ProblemGroup(c.Id, c.Severity == Severity.Error ? "error" : "warning", c.Title, _items[c].Count, _items[c]))
        .ToList();

    public Dictionary<string, int> CountsBy(Severity severity) => DataChecks.All
        .Where(c => c.Severity == severity && _items.ContainsKey(c))
        .ToDictionary(c => c.Id, c => _items[c].Count);

    private static int Rank(DataCheck check)
    {
        for (var i = 0; i < DataChecks.All.Count; i++)
        {
            if (DataChecks.All[i] == check) return i;
        }
        return int.MaxValue;
    }
}
