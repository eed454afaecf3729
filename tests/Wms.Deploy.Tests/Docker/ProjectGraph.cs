using System.Xml.Linq;

namespace Wms.Deploy.Tests.Docker;

/// <summary>The project files a project needs to build: itself and its ProjectReferences, transitively.</summary>
public static class ProjectGraph
{
    public static IReadOnlyList<string> Closure(string root, string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([Path.GetFullPath(Path.Combine(root, project))]);
        while (queue.TryDequeue(out var path))
        {
            if (!seen.Add(Path.GetRelativePath(root, path).Replace('\\', '/'))) continue;
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
                queue.Enqueue(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
        }
        return [.. seen];
    }
}
