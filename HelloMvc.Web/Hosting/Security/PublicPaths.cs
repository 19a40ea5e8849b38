namespace HelloMvc.Web.Hosting.Security;

/// <summary>A path on the server as a page may show it: relative to the repository, never where it lies on disk.</summary>
public static class PublicPaths
{
    /// <summary>
    /// The path relative to the repository it is in (the nearest folder above with HelloMvc.sln), such as
    /// <c>HelloMvc.Web</c> or <c>deploy/run/publish</c>; outside one, only the folder's own name.
    /// </summary>
    public static string FromRepository(string path)
    {
        for (var folder = new DirectoryInfo(path); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HelloMvc.sln")))
            {
                var relative = Path.GetRelativePath(folder.FullName, path).Replace(Path.DirectorySeparatorChar, '/');
                return relative;
            }
        }
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
    }
}
