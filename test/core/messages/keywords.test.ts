import { checkKeywords } from '../../../src/core/messages/keywords';

const repeat = (text: string, times: number) => text.repeat(times);

describe('checkKeywords', () => {
  it.each<[string, string]>([
    ['thing1', repeat('答', 20)],
    ['thing1', repeat('a', 20)],
    ['thing2', '正高级工程师评审：材料已退回，请补充'],
    ['number1', repeat('9', 32)],
    ['number2', '3.14'],
    ['letter1', repeat('A', 32)],
    ['symbol1', '+-*/%'],
    ['character_string1', repeat('x', 32)],
    ['character_string2', 'ZC-2025-0001'],
    ['time1', '15:01'],
    ['time2', '2019年10月1日 15:01'],
    ['time3', '2019年10月1日 15:01~16:30'],
    ['time4', '2025-03-01 09:00'],
    ['date1', '2019年10月1日'],
    ['date2', '2019年10月1日 15:01'],
    ['date3', '2024年2月29日'],
    ['date4', '2025年3月1日~2025年3月15日'],
    ['amount1', '¥1234567890.50'],
    ['amount2', '100元'],
    ['amount3', '99'],
    ['phone_number1', repeat('1', 17)],
    ['phone_number2', '+86-991-1234567'],
    ['car_number1', '新A12345'],
    ['car_number2', '新A1234学'],
    ['name1', repeat('买', 10)],
    ['name2', '买买提·艾力'],
    ['name3', repeat('a', 20)],
    ['name4', 'Aygul Tursun'],
    ['phrase1', '已通过'],
    ['phrase2', repeat('审', 5)],
  ])('accepts %s = %j', (key, value) => {
    expect(checkKeywords({ [key]: value })).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['thing1', repeat('答', 21), /最多 20 个字符，现为 21 个/],
    ['thing1', '', /不能为空/],
    ['number1', repeat('9', 33), /32 位以内的数字/],
    ['number1', '12a', /32 位以内的数字/],
    ['number1', '-5', /32 位以内的数字/],
    ['letter1', repeat('A', 33), /32 个以内的字母/],
    ['letter1', 'abc1', /32 个以内的字母/],
    ['symbol1', '+-*/%!', /5 个以内的符号/],
    ['symbol1', 'a', /5 个以内的符号/],
    ['character_string1', repeat('x', 33), /32 位以内/],
    ['character_string1', '编号123', /不能有汉字/],
    ['time1', '25:00', /24 小时制/],
    ['time1', '2019年10月1日', /24 小时制/],
    ['time1', '下午三点', /24 小时制/],
    ['date1', '15:01', /年月日/],
    ['date1', '2019年13月1日', /年月日/],
    ['date1', '2023年2月29日', /年月日/],
    ['date1', '2019.10.01', /年月日/],
    ['amount1', '¥12345678901', /10 位以内/],
    ['amount1', '一百元', /10 位以内/],
    ['phone_number1', repeat('1', 18), /17 位以内/],
    ['phone_number1', '电话', /17 位以内/],
    ['car_number1', '新A123456789', /最多 8 位/],
    ['name1', repeat('买', 11), /中文姓名最多 10 个字，现为 11 个/],
    ['name1', `${repeat('a', 9)}买买`, /中文姓名最多 10 个字/],
    ['name1', repeat('a', 21), /英文姓名最多 20 个字母，现为 21 个/],
    ['name1', '张三2', /不能包含数字/],
    ['phrase1', repeat('审', 6), /5 个以内的汉字/],
    ['phrase1', 'OK', /5 个以内的汉字/],
  ])('rejects %s = %j, naming the keyword', (key, value, problem) => {
    const problems = checkKeywords({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}（`));
    expect(problems[0]).toMatch(problem);
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(checkKeywords({ thing1: repeat('𠀀', 20) })).toEqual([]);
    expect(checkKeywords({ thing1: repeat('𠀀', 21) })).toHaveLength(1);
  });

  it('reports every violation, one per keyword', () => {
    const problems = checkKeywords({ thing1: repeat('长', 21), time2: '明天', phrase3: '好' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^thing1/);
    expect(problems[1]).toMatch(/^time2/);
  });

  it('rejects a key without a number and a type WeChat does not have', () => {
    expect(checkKeywords({ thing: 'x' })).toEqual([expect.stringMatching(/^thing：关键词名称/)]);
    expect(checkKeywords({ colour1: 'x' })).toEqual([expect.stringMatching(/^colour1：未知的关键词类型/)]);
  });

  it('rejects a message with no keywords at all', () => {
    expect(checkKeywords({})).toHaveLength(1);
  });

  it('does not modify its input', () => {
    const data = Object.freeze({ thing1: '材料审核', time2: '15:01' });
    expect(checkKeywords(data)).toEqual([]);
  });
});
