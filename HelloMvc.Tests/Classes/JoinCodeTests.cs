using HelloMvc.Web.Classes;

namespace HelloMvc.Tests.Classes;

public class JoinCodeTests
{
    [Fact]
    public void A_join_code_is_six_characters_of_its_alphabet_read_in_any_case()
    {
        var code = JoinCode.New();
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$", code.ToString());
        Assert.True(JoinCode.TryParse(code.ToString().ToLowerInvariant(), out var lower));
        Assert.Equal(code, lower);
        Assert.False(JoinCode.TryParse("0OIL1X", out _));
        Assert.False(JoinCode.TryParse("ABCDEFG", out _));
        Assert.False(JoinCode.TryParse(null, out var none));
        Assert.False(none.IsValid);
    }
}
