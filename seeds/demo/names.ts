import { Sex } from '../../src/modules/households/member.enums';
import { Distribution, type Random } from './random';

/** Common surnames, most frequent first; the weights fall with rank so 王 and 李 outnumber 汤. */
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石',
  '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯', '龙',
  '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤', '易',
  '蒲', '刁', '卜', '舒', '晏', '伍', '聂', '喻', '符', '粟',
] as const;

const SURNAME_DISTRIBUTION = new Distribution(SURNAMES.map((surname, rank) => [surname, 1 / (rank + 8)] as const));

/** Given-name characters by sex and by generation: names chosen before about 1990 differ from later ones. */
const GIVEN_NAME_CHARACTERS: Record<Sex, { older: readonly string[]; younger: readonly string[] }> = {
  [Sex.MALE]: {
    older: [...'国建明华军平志文斌海林峰刚春生福贵富财德成松柏清云龙新利全兴旺武安正光荣庆良发忠善友金满山'],
    younger: [...'伟强勇杰涛辉鹏飞宇浩俊磊超亮东子轩博睿泽豪诚毅晨阳航宏鑫杨凯帆哲瑞锦铭嘉皓天'],
  },
  [Sex.FEMALE]: {
    older: [...'芳娟秀英兰梅凤琴莲珍桂花翠娥淑萍华玉红霞菊香春秋群美素月爱金银巧'],
    younger: [...'敏静丽艳玲燕婷雪慧颖洁倩琳晶欣怡佳雨思梦涵悦萱诗瑶琪璐妍若蓉丹薇'],
  },
};

const YOUNGER_NAMES_FROM_YEAR = 1990;
const SINGLE_CHARACTER_SHARE = 0.25;

export function drawSurname(random: Random): string {
  return random.draw(SURNAME_DISTRIBUTION);
}

/** A one- or two-character given name in the style of the person's sex and birth year. */
export function drawGivenName(random: Random, sex: Sex, birthYear: number): string {
  const lists = GIVEN_NAME_CHARACTERS[sex];
  const characters = birthYear >= YOUNGER_NAMES_FROM_YEAR ? lists.younger : lists.older;
  const first = random.pick(characters);
  return random.chance(SINGLE_CHARACTER_SHARE) ? first : first + random.pick(characters);
}
