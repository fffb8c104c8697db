/** EC2 images (regional): `ec2:DescribeImages` with `Owners=self`, public state in bulk. */

/** `aws.ec2.image`; `Resource.id` is the image ARN. */
export interface Ec2Image {
  readonly imageId: string;
  readonly name: string;
  readonly public: boolean;
  readonly state: string;
  readonly creationDate: string | null;
}
