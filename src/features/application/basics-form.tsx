import { Picker, Text, View } from '@tarojs/components';
import { ETHNICITIES, POLITICAL_STATUSES, type Basics } from '../../core/people/basics';
import './application.scss';

/**
 * 族别 and 政治面貌, asked once for the unit's publicity (基本信息) and the roster (bazhou-ecoenv-2024 附件5);
 * each is saved as soon as it is picked. Sex and birth come from the ID number.
 */
export function BasicsForm({ basics, saving, onSave }: { basics: Basics; saving: boolean; onSave: (basics: Basics) => void }) {
  const row = <T extends string>(label: string, options: readonly T[], value: T | null, set: (v: T) => void) => (
    <Picker mode='selector' range={[...options]} value={value ? options.indexOf(value) : 0} disabled={saving} onChange={(e) => set(options[Number(e.detail.value)]!)}>
      <View className='application__picker' role='button' aria-label={`${label}：${value ?? '未填写'}，点击${value ? '修改' : '选择'}`}>
        <Text className='application__picker-value'>
          {label}：{value ?? '未填写'}
        </Text>
        <Text className='application__picker-action'>{value ? '修改' : '选择'}</Text>
      </View>
    </Picker>
  );
  return (
    <View className='application__card'>
      <Text className='application__heading'>族别和政治面貌</Text>
      <Text className='application__note'>单位公示和申报人员花名册要写族别和政治面貌；性别、出生年月按身份证号填写。{saving ? '正在保存…' : ''}</Text>
      {row('族别', ETHNICITIES, basics.ethnicity, (ethnicity) => onSave({ ...basics, ethnicity }))}
      {row('政治面貌', POLITICAL_STATUSES, basics.politicalStatus, (politicalStatus) => onSave({ ...basics, politicalStatus }))}
    </View>
  );
}
