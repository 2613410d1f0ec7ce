import { Navigator, Text, View } from '@tarojs/components';
import './workshop-link.scss';

/**
 * The way into 评审批次编制 for the offices that issue rounds, from the page they already use (the
 * review queue, the secretary's list): the main package, which every applicant downloads, stays
 * within WeChat's limit.
 */
export function WorkshopLink() {
  return (
    <Navigator className='workshop-link' hoverClass='workshop-link--pressed' url='/workshop/pages/index/index'>
      <View className='workshop-link__text'>
        <Text className='workshop-link__title'>评审批次编制</Text>
        <Text className='workshop-link__hint'>把今年的通知编成批次：复制上一年度、按新通知核对、发布</Text>
      </View>
      <Text className='workshop-link__arrow'>›</Text>
    </Navigator>
  );
}
