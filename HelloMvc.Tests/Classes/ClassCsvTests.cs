using HelloMvc.Web.Classes;

namespace HelloMvc.Tests.Classes;

public class ClassCsvTests
{
    [Theory]
    [InlineData("Ann", "Ann")]
    [InlineData("王小明", "王小明")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rReturn", "\"'\rReturn\"")]
    [InlineData("Lee, Ann", "\"Lee, Ann\"")]
    [InlineData("Ann \"the\" Lee", "\"Ann \"\"the\"\" Lee\"")]
    [InlineData("=1,\"2\"", "\"'=1,\"\"2\"\"\"")]
    [InlineData("a=b", "a=b")]
    public void A_cell_is_quoted_as_RFC_4180_says_and_never_starts_a_formula(string value, string written) =>
        Assert.Equal(written, ClassCsv.Cell(value));
}
