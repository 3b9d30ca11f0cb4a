import type { Lang } from '../../../contract/common.js';
import type { QuantityRule } from '../../../contract/materials.js';

/** The seed's 物料准备 list with quantity rules. */
export const DEFAULT_MATERIALS: {
  name: Record<Lang, string>;
  rule: QuantityRule;
  baseQuantity: number;
  sparePercent: number;
  optional: boolean;
}[] = [
  {
    name: { 'zh-CN': '横幅/背景板', 'en-US': 'Banner / backdrop' },
    rule: 'per_event',
    baseQuantity: 1,
    sparePercent: 0,
    optional: false,
  },
  {
    name: { 'zh-CN': '活动手册/议程表', 'en-US': 'Event booklet / agenda' },
    rule: 'per_attendee_spare',
    baseQuantity: 1,
    sparePercent: 10,
    optional: false,
  },
  {
    name: { 'zh-CN': '会员胸牌', 'en-US': 'Member badges' },
    rule: 'per_attendee_spare',
    baseQuantity: 1,
    sparePercent: 10,
    optional: false,
  },
  {
    name: { 'zh-CN': '签到表', 'en-US': 'Sign-in sheets' },
    rule: 'per_event',
    baseQuantity: 2,
    sparePercent: 0,
    optional: false,
  },
  {
    name: { 'zh-CN': '笔', 'en-US': 'Pens' },
    rule: 'per_attendee_spare',
    baseQuantity: 1,
    sparePercent: 20,
    optional: false,
  },
  {
    name: { 'zh-CN': '相机/摄像机', 'en-US': 'Camera / video camera' },
    rule: 'per_event',
    baseQuantity: 2,
    sparePercent: 0,
    optional: false,
  },
  {
    name: { 'zh-CN': '宣传海报', 'en-US': 'Promotion posters' },
    rule: 'per_event',
    baseQuantity: 2,
    sparePercent: 0,
    optional: false,
  },
  {
    name: { 'zh-CN': '纪念品', 'en-US': 'Souvenirs' },
    rule: 'per_attendee_spare',
    baseQuantity: 1,
    sparePercent: 5,
    optional: true,
  },
];
